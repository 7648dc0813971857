package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.InvalidCursor;
import io.ledgerline.projections.shared.Slice;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class QboSyncLogQueries {

    /** How many of the open errors the status panel lists; the count covers them all. */
    static final int LATEST_OPEN_ERRORS = 10;

    private final DatabaseClient database;

    public QboSyncLogQueries(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Newest first, keyset-paged by (at, event_id) descending: the index qbo_sync_log_view_org_at serves every
     * filter but the record's, which qbo_sync_log_view_org_record serves.
     */
    public Mono<Slice<QboSyncLogEntry>> find(FindQboSyncLog query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM qbo_sync_log_view WHERE org_id = :orgId");
        Map<String, Object> bindings = new LinkedHashMap<>();
        bindings.put("orgId", query.orgId());
        if (query.entity() != null) {
            sql.append(" AND entity = :entity");
            bindings.put("entity", query.entity().name());
        }
        if (query.operation() != null) {
            sql.append(" AND operation = :operation");
            bindings.put("operation", query.operation().name());
        }
        if (query.direction() != null) {
            sql.append(" AND direction = :direction");
            bindings.put("direction", query.direction().name());
        }
        if (query.localId() != null) {
            sql.append(" AND local_id = :localId");
            bindings.put("localId", query.localId());
        }
        if (query.from() != null) {
            sql.append(" AND at >= :from");
            bindings.put("from", query.from().atOffset(java.time.ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND at <= :to");
            bindings.put("to", query.to().atOffset(java.time.ZoneOffset.UTC));
        }
        Cursor after = query.window().after();
        if (after != null) {
            sql.append(" AND (at, event_id) < (:afterAt, :afterId)");
            bindings.put("afterAt", timestamp(after.value(0)));
            bindings.put("afterId", after.value(1));
        }
        sql.append(" ORDER BY at DESC, event_id DESC LIMIT :limit");
        bindings.put("limit", query.window().fetchSize());
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString());
        for (Map.Entry<String, Object> binding : bindings.entrySet()) {
            spec = spec.bind(binding.getKey(), binding.getValue());
        }
        return spec.map(row -> new Keyed(row.get("at", OffsetDateTime.class).toString(), entry(row)))
                .all().collectList()
                .map(rows -> Slice.of(rows, query.window(), last -> Cursor.of(last.at(), last.entry().eventId())))
                .map(slice -> new Slice<>(slice.items().stream().map(Keyed::entry).toList(), slice.next()));
    }

    public Mono<QboSyncStatus> status(UUID orgId) {
        Mono<Map<String, Long>> linked = database.sql("""
                        SELECT entity, count(*) AS records FROM qbo_link_state_view
                        WHERE org_id = :orgId AND linked GROUP BY entity ORDER BY entity""")
                .bind("orgId", orgId)
                .map(row -> Map.entry(lower(row.get("entity", String.class)), row.get("records", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
        Mono<Map<String, Long>> lastDay = database.sql("""
                        SELECT operation, count(*) AS attempts FROM qbo_sync_log_view
                        WHERE org_id = :orgId AND at > now() - interval '24 hours' AND direction IS NOT NULL
                        GROUP BY operation ORDER BY operation""")
                .bind("orgId", orgId)
                .map(row -> Map.entry(lower(row.get("operation", String.class)), row.get("attempts", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
        Mono<java.util.Optional<Instant>> lastSyncAt = database.sql("""
                        SELECT max(at) AS last_sync_at FROM qbo_sync_log_view
                        WHERE org_id = :orgId AND direction IS NOT NULL""")
                .bind("orgId", orgId)
                .map(row -> java.util.Optional.ofNullable(row.get("last_sync_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .one();
        Mono<Long> openCount = database.sql(
                        "SELECT count(*) AS open FROM qbo_link_state_view WHERE org_id = :orgId AND open_error")
                .bind("orgId", orgId)
                .map(row -> row.get("open", Long.class))
                .one();
        Mono<java.util.List<QboSyncStatus.OpenError>> latest = database.sql("""
                        SELECT entity, local_id, qbo_id, last_operation, last_fault_code, last_fault_message,
                               last_attempt_at
                        FROM qbo_link_state_view WHERE org_id = :orgId AND open_error
                        ORDER BY last_attempt_at DESC, local_id LIMIT :limit""")
                .bind("orgId", orgId)
                .bind("limit", LATEST_OPEN_ERRORS)
                .map(row -> new QboSyncStatus.OpenError(lower(row.get("entity", String.class)),
                        row.get("local_id", UUID.class), row.get("qbo_id", String.class),
                        lower(row.get("last_operation", String.class)), row.get("last_fault_code", String.class),
                        row.get("last_fault_message", String.class),
                        row.get("last_attempt_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
        return Mono.zip(lastSyncAt, linked, lastDay, openCount, latest)
                .map(parts -> new QboSyncStatus(parts.getT1().orElse(null), parts.getT2(), parts.getT3(),
                        new QboSyncStatus.OpenErrors(parts.getT4(), parts.getT5())));
    }

    /** A row with the exact time it was read with, so the next page starts precisely after it. */
    private record Keyed(String at, QboSyncLogEntry entry) {
    }

    private static QboSyncLogEntry entry(Readable row) {
        QboFault fault = new QboFault(row.get("fault_code", String.class), row.get("fault_message", String.class),
                row.get("fault_detail", String.class), row.get("fault_type", String.class));
        if (fault.equals(new QboFault(null, null, null, null))) {
            fault = null;
        }
        OffsetDateTime qboUpdatedAt = row.get("qbo_updated_at", OffsetDateTime.class);
        return new QboSyncLogEntry(row.get("event_id", String.class),
                row.get("at", OffsetDateTime.class).toInstant(), lower(row.get("entity", String.class)),
                row.get("local_id", UUID.class), row.get("realm_id", String.class), row.get("qbo_id", String.class),
                lower(row.get("direction", String.class)), lower(row.get("operation", String.class)),
                lower(row.get("link_origin", String.class)), row.get("request_id", String.class),
                row.get("local_version", Long.class), row.get("qbo_sync_token", String.class),
                qboUpdatedAt == null ? null : qboUpdatedAt.toInstant(), fault, row.get("intuit_tid", String.class),
                row.get("payload", String.class), row.get("note", String.class), row.get("actor", String.class));
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime timestamp(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidCursor();
        }
    }
}
