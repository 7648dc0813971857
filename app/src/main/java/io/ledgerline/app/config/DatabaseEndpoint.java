package io.ledgerline.app.config;

/** Where the one PostgreSQL database lives: JDBC for the event store and projections, R2DBC for API reads. */
public record DatabaseEndpoint(String host, int port, String database, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Parses {@code jdbc:postgresql://host[:port]/database[?…]}; query parameters are not carried over. */
    public static DatabaseEndpoint fromJdbcUrl(String url, String user, String password) {
        String prefix = "jdbc:postgresql://";
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException("LEDGERLINE_DB_URL must be a jdbc:postgresql:// URL, got: " + url);
        }
        String rest = url.substring(prefix.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 || slash == rest.length() - 1 ? "postgres" : rest.substring(slash + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1));
        return new DatabaseEndpoint(host, port, database, user, password == null ? "" : password);
    }
}
