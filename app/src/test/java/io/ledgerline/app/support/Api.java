package io.ledgerline.app.support;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Small conveniences over WebTestClient for the API's conventions (bearer token, If-Match, Idempotency-Key). */
public final class Api {

    public static final String PASSWORD = "correct horse battery staple";

    private final WebTestClient web;

    public Api(WebTestClient web) {
        this.web = web;
    }

    /** An organization with its owner signed in. */
    public record Org(UUID orgId, UUID ownerId, String ownerEmail, String token) {
    }

    /** A member of an organization, signed in. */
    public record Session(UUID memberId, String email, String token) {
    }

    public Org signUp() {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        Map<?, ?> body = web.post().uri("/api/v1/auth/signup")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationName", "Org " + UUID.randomUUID(), "timeZone", "Europe/Berlin",
                        "currency", "EUR", "name", "Olivia Owner", "email", email, "password", PASSWORD))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        UUID orgId = UUID.fromString((String) body.get("orgId"));
        UUID ownerId = UUID.fromString((String) body.get("memberId"));
        return new Org(orgId, ownerId, email, login(email));
    }

    public String login(String email) {
        Map<?, ?> tokens = web.post().uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) tokens.get("accessToken");
    }

    /** Adds a member with the given role (as the owner) and signs them in. */
    public Session member(Org org, String role) {
        String email = role + "-" + UUID.randomUUID() + "@example.com";
        Map<?, ?> written = post(org.token(), "/api/v1/members",
                Map.of("email", email, "name", "A " + role, "role", role, "password", PASSWORD))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return new Session(UUID.fromString((String) written.get("id")), email, login(email));
    }

    public WebTestClient.RequestHeadersSpec<?> post(String token, String path, Object body) {
        return web.post().uri(path).headers(auth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    public WebTestClient.RequestHeadersSpec<?> post(String token, String path, Object body, String idempotencyKey) {
        return web.post().uri(path).headers(auth(token)).header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    public WebTestClient.RequestHeadersSpec<?> put(String token, String path, Object body) {
        return web.put().uri(path).headers(auth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    public WebTestClient.RequestHeadersSpec<?> patch(String token, String path, Object body) {
        return web.patch().uri(path).headers(auth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    public WebTestClient.RequestHeadersSpec<?> patch(String token, String path, Object body, String ifMatch) {
        return web.patch().uri(path).headers(auth(token)).header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    public WebTestClient.RequestHeadersSpec<?> get(String token, String path) {
        return web.get().uri(path).headers(auth(token));
    }

    public WebTestClient.RequestHeadersSpec<?> delete(String token, String path) {
        return web.delete().uri(path).headers(auth(token));
    }

    public WebTestClient.RequestHeadersSpec<?> delete(String token, String path, String ifMatch) {
        return web.delete().uri(path).headers(auth(token)).header(HttpHeaders.IF_MATCH, ifMatch);
    }

    /** Raw JSON text, for malformed-body tests. */
    public WebTestClient.RequestHeadersSpec<?> postRaw(String token, String path, String json) {
        return web.post().uri(path).headers(auth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(json);
    }

    public WebTestClient.RequestHeadersSpec<?> patchRaw(String token, String path, String json) {
        return web.patch().uri(path).headers(auth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(json);
    }

    /**
     * Sends a repeated request until the first one's answer is stored. The first answer reaches the client a moment
     * before it is stored, and meanwhile a repeat is told 409 idempotency.in_progress ("retry shortly").
     */
    public static WebTestClient.ResponseSpec replay(Supplier<WebTestClient.RequestHeadersSpec<?>> request) {
        AtomicReference<WebTestClient.ResponseSpec> answer = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            EntityExchangeResult<byte[]> result = request.get().exchange().expectBody().returnResult();
            if (result.getStatus().value() == 409) {
                return false;
            }
            answer.set(request.get().exchange());
            return true;
        });
        return answer.get();
    }

    /** A list query refused with 400 that names the parameter at fault. */
    public void expectBadParameter(String token, String pathAndQuery, String field) {
        get(token, pathAndQuery).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private static java.util.function.Consumer<HttpHeaders> auth(String token) {
        return headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
        };
    }
}
