package io.ledgerline.app.support;

import io.ledgerline.app.support.qbo.QboFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application on a real PostgreSQL, driven over HTTP. Every test signs up its own organizations, so
 * tests share one application context and database without seeing each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class IntegrationTest {

    @Autowired
    protected WebTestClient web;

    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.Connection db = TestDatabase.get();
        registry.add("ledgerline.db.url", db::url);
        registry.add("ledgerline.db.user", db::user);
        registry.add("ledgerline.db.password", db::password);
        Path dataDir = Files.createTempDirectory("ledgerline-test-data");
        registry.add("ledgerline.data.dir", dataDir::toString);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        registry.add("ledgerline.secrets.key", () -> encoded);
    }

    /** Every test talks to the one QuickBooks fake (see {@link QboFake}); scheduled pulls stay out of the way. */
    @DynamicPropertySource
    static void quickBooks(DynamicPropertyRegistry registry) {
        QboFake fake = QboFake.shared();
        registry.add("ledgerline.qbo.client-id", () -> QboFake.CLIENT_ID);
        registry.add("ledgerline.qbo.client-secret", () -> QboFake.CLIENT_SECRET);
        registry.add("ledgerline.qbo.redirect-uri", () -> QboFake.REDIRECT_URI);
        registry.add("ledgerline.qbo.webhook-verifier-token", fake::verifierToken);
        registry.add("ledgerline.qbo.environment", () -> "sandbox");
        registry.add("ledgerline.qbo.authorize-url", fake::authorizeUrl);
        registry.add("ledgerline.qbo.token-url", fake::tokenUrl);
        registry.add("ledgerline.qbo.revoke-url", fake::revokeUrl);
        registry.add("ledgerline.qbo.api-base-url", fake::baseUrl);
        registry.add("ledgerline.qbo.cron-token", () -> "test-cron-token");
        registry.add("ledgerline.qbo.throttle-backoff", () -> "PT60S");
        registry.add("ledgerline.qbo.changes-interval", () -> "PT24H");
    }

    @BeforeEach
    void api() {
        api = new Api(web);
    }
}
