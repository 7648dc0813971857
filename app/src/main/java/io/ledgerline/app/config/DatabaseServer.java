package io.ledgerline.app.config;

/** The PostgreSQL the application uses: one it started itself (embedded default) or an external one. */
@FunctionalInterface
interface DatabaseServer extends AutoCloseable {

    DatabaseEndpoint endpoint();

    /** An external server is not ours to stop. */
    @Override
    default void close() throws Exception {
    }
}
