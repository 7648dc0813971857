package io.ledgerline.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real PostgreSQL the integration tests run against, chosen once per JVM: an explicit
 * {@code LEDGERLINE_TEST_DB_URL} (with {@code _USER}/{@code _PASSWORD}), else a Testcontainers PostgreSQL when a
 * Docker engine answers, else an embedded PostgreSQL (zonky). Never an in-memory substitute, never skipped: if
 * none can start, the tests fail with the reason.
 */
public final class TestDatabase {

    public record Connection(String url, String user, String password) {
    }

    private static Connection connection;

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (connection == null) {
            connection = start();
        }
        return connection;
    }

    private static Connection start() {
        String explicit = System.getenv("LEDGERLINE_TEST_DB_URL");
        if (explicit != null && !explicit.isBlank()) {
            return new Connection(explicit, envOr("LEDGERLINE_TEST_DB_USER", "postgres"),
                    envOr("LEDGERLINE_TEST_DB_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            return Containers.postgres();
        }
        return embedded();
    }

    private static Connection embedded() {
        try {
            Path dir = Files.createTempDirectory("ledgerline-test-pg");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary directory goes with the test run
                }
            }));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL for the tests", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Kept in its own class so that Testcontainers is only touched when a Docker engine is there. */
    private static final class Containers {

        static Connection postgres() {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
    }
}
