package io.ledgerline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboConnect;
import io.ledgerline.app.support.qbo.QboFake;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** The event store is kept forever and read by auditors: no password, secret or token may ever reach it. */
class EventStoreSecretsIntegrationTest extends IntegrationTest {

    /**
     * A JSON field whose name says it holds a credential, at any depth. QuickBooks' SyncToken is a record version for
     * optimistic locking, not a credential: the sync log keeps it.
     */
    private static final Pattern SECRET_FIELD = Pattern.compile("\"[^\"]*(password|secret|(?<!sync)token)[^\"]*\"\\s*:",
            Pattern.CASE_INSENSITIVE);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noPasswordSecretOrTokenIsEverStoredInTheLog() {
        Api.Org org = api.signUp();
        Map<?, ?> tokens = web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", org.ownerEmail(), "password", Api.PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> refreshed = web.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", tokens.get("refreshToken"))).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String accessToken = (String) refreshed.get("accessToken");

        Map<?, ?> enrolment = api.post(accessToken, "/api/v1/auth/mfa/enroll", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String totpSecret = (String) enrolment.get("secret");
        api.post(accessToken, "/api/v1/auth/mfa/confirm", Map.of("code", currentCode(totpSecret))).exchange()
                .expectStatus().isOk();

        String memberPassword = "member-password-" + UUID.randomUUID();
        api.post(accessToken, "/api/v1/members", Map.of("email", "secretive-" + UUID.randomUUID() + "@example.com",
                        "name", "Sam Secretive", "role", "manager", "password", memberPassword)).exchange()
                .expectStatus().isCreated();

        QboFake.Realm realm = QboFake.shared().newRealm("Secretive Books");
        QboConnect.connect(api, org, realm);

        List<String> secrets = List.of(Api.PASSWORD, memberPassword, totpSecret,
                (String) tokens.get("accessToken"), (String) tokens.get("refreshToken"), accessToken,
                (String) refreshed.get("refreshToken"), realm.accessToken(), realm.refreshToken(),
                QboFake.CLIENT_SECRET, QboFake.VERIFIER_TOKEN);
        List<String> stored = new ArrayList<>();
        stored.addAll(texts("SELECT convert_from(payload, 'UTF8') FROM domainevententry"));
        stored.addAll(texts("SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE metadata IS NOT NULL"));
        stored.addAll(texts("SELECT convert_from(payload, 'UTF8') FROM deadletterentry"));
        stored.addAll(texts("SELECT convert_from(metadata, 'UTF8') FROM deadletterentry WHERE metadata IS NOT NULL"));
        stored.addAll(texts("SELECT convert_from(token, 'UTF8') FROM tokenentry WHERE token IS NOT NULL"));
        assertThat(stored).isNotEmpty();
        assertThat(stored).anySatisfy(text -> assertThat(text).contains(org.orgId().toString()));
        for (String text : stored) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
            assertThat(SECRET_FIELD.matcher(text).find()).as("a credential-named field in %s", text).isFalse();
        }

        byte[] sealed = jdbc.queryForObject("SELECT totp_secret FROM account WHERE member_id = ?", byte[].class,
                org.ownerId());
        assertThat(sealed).isNotNull();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(totpSecret);
    }

    private List<String> texts(String sql) {
        return jdbc.queryForList(sql, String.class);
    }

    static String currentCode(String secret) {
        return Totp.code(secret, Instant.now().getEpochSecond() / 30);
    }
}
