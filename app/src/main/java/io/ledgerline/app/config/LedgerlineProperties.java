package io.ledgerline.app.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ledgerline's own settings, bound from {@code ledgerline.*} (see application.yml for the environment variables).
 *
 * @param db      an external PostgreSQL; when its URL is empty, an embedded PostgreSQL starts under {@code data.dir}
 * @param data    where the embedded database and the generated secrets key are kept
 * @param secrets the key that encrypts secrets at rest and signs access tokens
 * @param auth    token lifetimes
 */
@ConfigurationProperties("ledgerline")
public record LedgerlineProperties(Db db, Data data, Secrets secrets, Auth auth) {

    public record Db(String url, String user, String password, int poolSize) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    public record Data(Path dir) {
    }

    public record Secrets(String key) {
    }

    public record Auth(Duration accessTokenTtl, Duration refreshTokenTtl, String issuer) {
    }
}
