package io.ledgerline.app.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AuthIntegrationTest extends IntegrationTest {

    @Test
    void signUpCreatesAnOrganizationWhoseOwnerCanLogIn() {
        Api.Org org = api.signUp();
        assertThat(org.token()).isNotBlank();
    }

    @Test
    void signUpWithAnEmailInUseIsAConflict() {
        Api.Org org = api.signUp();
        web.post().uri("/api/v1/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationName", "Other", "timeZone", "Europe/Berlin", "currency", "EUR",
                        "name", "X", "email", org.ownerEmail().toUpperCase(), "password", Api.PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("member.email_taken");
    }

    @Test
    void signUpRejectsInvalidFieldsByName() {
        web.post().uri("/api/v1/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationName", "", "timeZone", "Mars/Olympus", "currency", "EUR",
                        "name", "X", "email", "not-an-email", "password", "short"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation.failed")
                .jsonPath("$.errors[?(@.field == 'timeZone')]").exists()
                .jsonPath("$.errors[?(@.field == 'email')]").exists()
                .jsonPath("$.errors[?(@.field == 'password')]").exists()
                .jsonPath("$.errors[?(@.field == 'organizationName')]").exists();
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        web.post().uri("/api/v1/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"organizationName\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.malformed_json");
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        Api.Org org = api.signUp();
        web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", org.ownerEmail(), "password", "wrong password!!"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.invalid_credentials");
    }

    @Test
    void aRefreshTokenRotatesAndCannotBeUsedTwice() {
        Api.Org org = api.signUp();
        Map<?, ?> tokens = web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", org.ownerEmail(), "password", Api.PASSWORD))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String refresh = (String) tokens.get("refreshToken");
        Map<?, ?> rotated = web.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refresh))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(rotated.get("refreshToken")).isNotEqualTo(refresh);
        web.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refresh))
                .exchange().expectStatus().isUnauthorized();
        // the replay revoked the whole family, including the token it rotated into
        web.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", rotated.get("refreshToken")))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void requestsWithoutATokenAreUnauthorizedProblems() {
        web.get().uri("/api/v1/organization").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("X-Request-Id")
                .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
        web.get().uri("/api/v1/organization").header("Authorization", "Bearer " + UUID.randomUUID())
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void signUpReplaysForTheSameIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("organizationName", "Replay", "timeZone", "Europe/Berlin",
                "currency", "EUR", "name", "R", "email", "r-" + key + "@example.com", "password", Api.PASSWORD);
        Map<?, ?> first = web.post().uri("/api/v1/auth/signup").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        web.post().uri("/api/v1/auth/signup").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.orgId").isEqualTo(first.get("orgId"));
        web.post().uri("/api/v1/auth/signup").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("organizationName", "Different"))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");
    }
}
