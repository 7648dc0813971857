package io.ledgerline.app.support;

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

    @BeforeEach
    void api() {
        api = new Api(web);
    }
}
