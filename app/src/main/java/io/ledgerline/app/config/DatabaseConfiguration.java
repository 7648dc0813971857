package io.ledgerline.app.config;

import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One PostgreSQL database, reached two ways: a JDBC pool for the event store, token and saga stores and the
 * projection writes (all inside Axon's transaction), and an R2DBC pool for non-blocking API reads.
 * Declared by hand because Boot creates no JDBC DataSource once R2DBC is present.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerlineProperties.class)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(LedgerlineProperties properties) {
        LedgerlineProperties.Db db = properties.db();
        if (db.embedded()) {
            return EmbeddedDatabase.start(properties.data().dir());
        }
        DatabaseEndpoint external = DatabaseEndpoint.fromJdbcUrl(db.url(), db.user(), db.password());
        return () -> external;
    }

    @Bean
    DatabaseEndpoint databaseEndpoint(DatabaseServer databaseServer) {
        return databaseServer.endpoint();
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseEndpoint endpoint, LedgerlineProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("ledgerline-jdbc");
        dataSource.setJdbcUrl(endpoint.jdbcUrl());
        dataSource.setUsername(endpoint.user());
        dataSource.setPassword(endpoint.password());
        dataSource.setMaximumPoolSize(properties.db().poolSize());
        return dataSource;
    }

    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(JdbcTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    DatabaseClient databaseClient(ConnectionPool connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(DatabaseEndpoint endpoint, LedgerlineProperties properties) {
        ConnectionFactory postgres = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(endpoint.host())
                .port(endpoint.port())
                .database(endpoint.database())
                .username(endpoint.user())
                .password(endpoint.password())
                .build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(postgres)
                .name("ledgerline-r2dbc")
                .initialSize(2)
                .maxSize(properties.db().poolSize())
                .maxIdleTime(Duration.ofMinutes(10))
                .build());
    }
}
