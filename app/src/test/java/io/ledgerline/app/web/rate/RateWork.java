package io.ledgerline.app.web.rate;

import io.ledgerline.app.support.Api;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** What rates are set on and resolved for (clients, projects, tasks) and the rates API, used as a user would. */
final class RateWork {

    private final Api api;

    RateWork(Api api) {
        this.api = api;
    }

    UUID client(Api.Org org) {
        Map<?, ?> written = api.post(org.token(), "/api/v1/clients", Map.of("name", "Client " + UUID.randomUUID(),
                        "code", "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    /** An hourly project at the given rate (since always). */
    UUID project(Api.Org org, UUID clientId, Object hourlyRate) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId.toString());
        body.put("name", "Project " + UUID.randomUUID());
        body.put("billingMethod", "hourly");
        body.put("hourlyRate", hourlyRate);
        Map<?, ?> written = api.post(org.token(), "/api/v1/projects", body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    /** A task with its own rate ({@code null}: the project's applies). */
    UUID task(Api.Org org, UUID projectId, Object rateOverride) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Task " + UUID.randomUUID());
        if (rateOverride != null) {
            body.put("rateOverride", rateOverride);
        }
        Map<?, ?> written = api.post(org.token(), "/api/v1/projects/" + projectId + "/tasks", body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    /** Schedules a rate and returns the rate card's version. */
    long schedule(Api.Org org, String level, UUID targetId, Object hourlyRate, String effectiveFrom) {
        Map<?, ?> written = api.post(org.token(), "/api/v1/rates", rate(level, targetId, hourlyRate, effectiveFrom))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) written.get("version")).longValue();
    }

    static Map<String, Object> rate(String level, UUID targetId, Object hourlyRate, String effectiveFrom) {
        Map<String, Object> body = new HashMap<>();
        body.put("level", level);
        body.put("targetId", targetId == null ? null : targetId.toString());
        body.put("hourlyRate", hourlyRate);
        body.put("effectiveFrom", effectiveFrom);
        return body;
    }

    /** The resolution for a query string, as JSON. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Api.Org org, String query) {
        return (Map<String, Object>) api.get(org.token(), "/api/v1/rates/resolve?" + query).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Waits until the read models answer the query with the expected rate and source. */
    Map<String, Object> awaitRate(Api.Org org, String query, String hourlyRate, String source) {
        return Awaitility.await().until(() -> resolveQuietly(org, query), resolved -> resolved != null
                && Objects.equals(resolved.get("source"), source)
                && Objects.equals(amount(resolved.get("hourlyRate")), amount(hourlyRate)));
    }

    /** The resolution, or {@code null} while the read models have not caught up (the project is not there yet). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> resolveQuietly(Api.Org org, String query) {
        EntityExchangeResult<Map> result = api.get(org.token(), "/api/v1/rates/resolve?" + query).exchange()
                .expectBody(Map.class).returnResult();
        return result.getStatus().is2xxSuccessful() ? (Map<String, Object>) result.getResponseBody() : null;
    }

    /** 120 and 120.00 are the same rate. */
    static BigDecimal amount(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros();
    }
}
