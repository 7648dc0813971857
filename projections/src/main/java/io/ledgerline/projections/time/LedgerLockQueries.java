package io.ledgerline.projections.time;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The ledger lock is kept with the organization's read model, whose version it moves. */
@Component
public class LedgerLockQueries {

    private final DatabaseClient database;

    public LedgerLockQueries(DatabaseClient database) {
        this.database = database;
    }

    public Mono<LedgerLockView> fetch(UUID orgId) {
        return database.sql("""
                        SELECT ledger_locked_through, ledger_lock_reason, ledger_lock_changed_at, version
                        FROM organization_view WHERE org_id = :orgId""")
                .bind("orgId", orgId)
                .map(row -> {
                    OffsetDateTime changedAt = row.get("ledger_lock_changed_at", OffsetDateTime.class);
                    return new LedgerLockView(row.get("ledger_locked_through", java.time.LocalDate.class),
                            row.get("ledger_lock_reason", String.class),
                            changedAt == null ? null : changedAt.toInstant(), row.get("version", Long.class));
                })
                .one();
    }
}
