package io.ledgerline.app.web.project;

import io.ledgerline.app.support.Api;
import java.util.Map;
import java.util.UUID;

/** Clients for project tests, made through the clients API as a user would. */
final class Clients {

    private final Api api;

    Clients(Api api) {
        this.api = api;
    }

    UUID create(Api.Org org, String name) {
        Map<?, ?> written = api.post(org.token(), "/api/v1/clients",
                        Map.of("name", name + " " + UUID.randomUUID(), "code", code()))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    void deactivate(Api.Org org, UUID clientId) {
        api.post(org.token(), "/api/v1/clients/" + clientId + "/deactivate", Map.of())
                .exchange()
                .expectStatus().isOk();
    }

    private static String code() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }
}
