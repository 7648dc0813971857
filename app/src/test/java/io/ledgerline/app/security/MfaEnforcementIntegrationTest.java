package io.ledgerline.app.security;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class MfaEnforcementIntegrationTest extends IntegrationTest {

    @Test
    void onceTheOrganizationRequiresMfaAMemberWithoutItMayOnlyEnrol() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "manager");
        api.patch(org.token(), "/api/v1/organization", Map.of("mfaRequired", true)).exchange()
                .expectStatus().isOk();

        api.get(member.token(), "/api/v1/organization?minVersion=1").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        api.get(member.token(), "/api/v1/members").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");

        Map<?, ?> enrolment = api.post(member.token(), "/api/v1/auth/mfa/enroll", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String secret = (String) enrolment.get("secret");
        long step = Instant.now().getEpochSecond() / 30;
        api.post(member.token(), "/api/v1/auth/mfa/confirm", Map.of("code", Totp.code(secret, step))).exchange()
                .expectStatus().isOk();
        // Enrolled: the same token now carries the role's permissions again.
        api.get(member.token(), "/api/v1/members").exchange().expectStatus().isOk();
        api.get(member.token(), "/api/v1/organization?minVersion=1").exchange().expectStatus().isOk();

        login(member.email(), null).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.mfa_code_required");
        // The next step's code is within the accepted clock drift, and newer than the one used to confirm.
        String next = Totp.code(secret, step + 1);
        login(member.email(), next).expectStatus().isOk()
                .expectBody().jsonPath("$.accessToken").isNotEmpty();
        login(member.email(), next).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.mfa_code_invalid");
        login(member.email(), Totp.code(secret, step)).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.mfa_code_invalid");
    }

    @Test
    void confirmingRefusesBadInputAndReplaysItsIdempotencyKey() {
        Api.Org org = api.signUp();
        api.post(null, "/api/v1/auth/mfa/confirm", Map.of("code", "123456")).exchange()
                .expectStatus().isUnauthorized();
        api.post(org.token(), "/api/v1/auth/mfa/confirm", Map.of("code", "12ab")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        api.post(org.token(), "/api/v1/auth/mfa/confirm", Map.of("code", "123456")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("mfa.not_started");

        Map<?, ?> enrolment = api.post(org.token(), "/api/v1/auth/mfa/enroll", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String secret = (String) enrolment.get("secret");
        long step = Instant.now().getEpochSecond() / 30;
        String wrong = Totp.code(secret, step + 10);
        api.post(org.token(), "/api/v1/auth/mfa/confirm", Map.of("code", wrong)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.mfa_code_invalid");

        Map<String, String> confirm = Map.of("code", Totp.code(secret, step));
        String version = api.post(org.token(), "/api/v1/auth/mfa/confirm", confirm, "confirm-mfa").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("version").toString();
        api.post(org.token(), "/api/v1/auth/mfa/confirm", confirm, "confirm-mfa").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.version").isEqualTo(Integer.parseInt(version));
        api.post(org.token(), "/api/v1/auth/mfa/confirm", Map.of("code", "000000"), "confirm-mfa").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");
    }

    private WebTestClient.ResponseSpec login(String email, String code) {
        Map<String, String> body = code == null ? Map.of("email", email, "password", Api.PASSWORD)
                : Map.of("email", email, "password", Api.PASSWORD, "code", code);
        return web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
