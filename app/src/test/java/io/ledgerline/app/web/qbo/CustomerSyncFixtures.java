package io.ledgerline.app.web.qbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.domain.qbo.QboCustomerSync;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/** Clients, their customer sync's events and its link, for the customer sync tests. */
final class CustomerSyncFixtures {

    private final Api api;
    private final JdbcTemplate jdbc;

    CustomerSyncFixtures(Api api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A sync attempt as stored: its JSON payload and who caused it. */
    record Attempt(String payload, String metadata) {

        boolean is(String direction, String operation) {
            return payload.contains("\"direction\":\"" + direction + "\"")
                    && payload.contains("\"operation\":\"" + operation + "\"");
        }
    }

    UUID client(Api.Org org, String name, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("code", "C-" + UUID.randomUUID().toString().substring(0, 8));
        if (email != null) {
            body.put("email", email);
        }
        Map<?, ?> written = api.post(org.token(), "/api/v1/clients", body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    Map<?, ?> push(Api.Org org, UUID clientId) {
        return api.post(org.token(), "/api/v1/clients/" + clientId + "/qbo-push", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    void link(Api.Org org, UUID clientId, String qboCustomerId) {
        api.put(org.token(), "/api/v1/clients/" + clientId + "/qbo-link", Map.of("qboCustomerId", qboCustomerId))
                .exchange().expectStatus().isOk();
    }

    void settings(Api.Org org, boolean syncCustomers) {
        api.put(org.token(), "/api/v1/integrations/qbo/settings",
                        Map.of("syncCustomers", syncCustomers, "syncInvoices", true, "pushOnFinalize", false))
                .exchange().expectStatus().isOk();
    }

    Map<?, ?> clientDetails(Api.Org org, UUID clientId) {
        return api.get(org.token(), "/api/v1/clients/" + clientId).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    List<Attempt> attempts(UUID clientId) {
        return jdbc.query("""
                        SELECT convert_from(payload, 'UTF8') AS payload, convert_from(metadata, 'UTF8') AS metadata
                        FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%QboSyncAttempted'
                        ORDER BY sequencenumber""",
                (rs, i) -> new Attempt(rs.getString("payload"), rs.getString("metadata")),
                QboCustomerSync.idFor(clientId).toString());
    }

    Attempt lastAttempt(UUID clientId) {
        List<Attempt> attempts = attempts(clientId);
        assertThat(attempts).as("sync attempts of %s", clientId).isNotEmpty();
        return attempts.get(attempts.size() - 1);
    }

    /** Waits until the client's customer sync recorded an attempt with this direction and operation. */
    Attempt awaitAttempt(UUID clientId, String direction, String operation) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> attempts(clientId).stream().filter(a -> a.is(direction, operation))
                        .reduce((first, second) -> second).orElse(null), attempt -> attempt != null);
    }
}
