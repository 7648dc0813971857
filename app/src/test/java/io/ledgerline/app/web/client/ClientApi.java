package io.ledgerline.app.web.client;

import io.ledgerline.app.support.Api;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Creating clients over the API for the client tests. */
final class ClientApi {

    private final Api api;

    ClientApi(Api api) {
        this.api = api;
    }

    record Created(UUID id, long version) {
    }

    static Map<String, Object> client(String name, String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("code", code);
        return body;
    }

    Created create(String token, Map<String, Object> body) {
        Map<?, ?> written = api.post(token, "/api/v1/clients", body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return new Created(UUID.fromString((String) written.get("id")), ((Number) written.get("version")).longValue());
    }

    Created create(String token, String name) {
        return create(token, client(name, "C-" + UUID.randomUUID().toString().substring(0, 8)));
    }
}
