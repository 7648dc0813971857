package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboConnectionStatus;
import io.ledgerline.domain.qbo.QboSettings;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

@Component
public class QboConnectionQueries {

    private final DatabaseClient database;

    public QboConnectionQueries(DatabaseClient database) {
        this.database = database;
    }

    /** The organization's connection; empty while it never connected (sync activity alone makes no card). */
    public Mono<QboConnectionView> fetch(UUID orgId) {
        return database.sql("SELECT * FROM qbo_connection_view WHERE org_id = :orgId AND status IS NOT NULL")
                .bind("orgId", orgId)
                .map(QboConnectionQueries::view)
                .one();
    }

    private static QboConnectionView view(Readable row) {
        OffsetDateTime connectedAt = row.get("connected_at", OffsetDateTime.class);
        OffsetDateTime lastSyncAt = row.get("last_sync_at", OffsetDateTime.class);
        return new QboConnectionView(row.get("org_id", UUID.class), row.get("realm_id", String.class),
                row.get("company_name", String.class), QboConnectionStatus.valueOf(row.get("status", String.class)),
                connectedAt == null ? null : connectedAt.toInstant(), row.get("connected_by", UUID.class),
                row.get("expired_reason", String.class), row.get("error_code", String.class),
                row.get("error_message", String.class),
                new QboSettings(row.get("sync_customers", Boolean.class), row.get("sync_invoices", Boolean.class),
                        row.get("push_on_finalize", Boolean.class)),
                lastSyncAt == null ? null : lastSyncAt.toInstant(), row.get("version", Long.class));
    }
}
