package io.ledgerline.app.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The stored first responses of idempotent POSTs, kept for 24 hours. */
@Component
public class IdempotencyStore {

    /** Response headers worth replaying; the rest (dates, request ids) belong to the new response. */
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
            HttpHeaders.ETAG);

    private final DatabaseClient database;

    public IdempotencyStore(DatabaseClient database) {
        this.database = database;
    }

    /** Claims the key for this request; false when it was claimed before (by this or another request). */
    Mono<Boolean> claim(String scope, String key, String requestHash) {
        return database.sql("""
                        INSERT INTO idempotency_record (scope, key, request_hash) VALUES (:scope, :key, :hash)
                        ON CONFLICT (scope, key) DO NOTHING""")
                .bind("scope", scope).bind("key", key).bind("hash", requestHash)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    Mono<StoredResponse> find(String scope, String key) {
        return database.sql("""
                        SELECT request_hash, status, headers, body FROM idempotency_record
                        WHERE scope = :scope AND key = :key""")
                .bind("scope", scope).bind("key", key)
                .map(row -> new StoredResponse(row.get("request_hash", String.class), row.get("status", Integer.class),
                        decodeHeaders(row.get("headers", String.class)), row.get("body", byte[].class)))
                .one();
    }

    Mono<Void> complete(String scope, String key, int status, HttpHeaders headers, byte[] body) {
        return database.sql("""
                        UPDATE idempotency_record SET status = :status, headers = :headers, body = :body,
                               completed_at = now()
                        WHERE scope = :scope AND key = :key""")
                .bind("status", status).bind("headers", encodeHeaders(headers)).bind("body", body)
                .bind("scope", scope).bind("key", key)
                .then();
    }

    Mono<Void> release(String scope, String key) {
        return database.sql("DELETE FROM idempotency_record WHERE scope = :scope AND key = :key")
                .bind("scope", scope).bind("key", key)
                .then();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldKeys() {
        database.sql("DELETE FROM idempotency_record WHERE created_at < now() - interval '24 hours'")
                .then()
                .subscribe();
    }

    private static String encodeHeaders(HttpHeaders headers) {
        StringBuilder encoded = new StringBuilder();
        for (String name : REPLAYED_HEADERS) {
            String value = headers.getFirst(name);
            if (value != null) {
                encoded.append(name).append(": ").append(value).append('\n');
            }
        }
        return encoded.toString();
    }

    private static Map<String, String> decodeHeaders(String encoded) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (encoded != null) {
            for (String line : encoded.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return headers;
    }

    record StoredResponse(String requestHash, Integer status, Map<String, String> headers, byte[] body) {
    }
}
