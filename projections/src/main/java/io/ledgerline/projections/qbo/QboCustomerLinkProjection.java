package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboLinked;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.domain.qbo.QboSyncAttempted;
import io.ledgerline.domain.qbo.QboUnlinked;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which QuickBooks customer each client is linked to, and how its last sync went. Built only from the events of
 * the client's customer-sync aggregate, in their own order: a replay gives the same rows whatever the order of
 * other aggregates' events. Every write is guarded by that aggregate's version, so a redelivery changes nothing.
 */
@Component
@ProcessingGroup(QboCustomerLinkProjection.GROUP)
public class QboCustomerLinkProjection {

    public static final String GROUP = "qbo-customers";

    /** Attempts after which both sides are in step; the others leave the last sync time as it was. */
    private static final Set<QboOperation> SYNCED = EnumSet.of(QboOperation.CREATED, QboOperation.UPDATED,
            QboOperation.LINKED, QboOperation.SKIPPED, QboOperation.CONFLICT);

    private final JdbcTemplate jdbc;

    public QboCustomerLinkProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QboLinked event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (event.entity() != QboEntity.CUSTOMER) {
            return;
        }
        jdbc.update("""
                        INSERT INTO qbo_customer_link_view (client_id, org_id, realm_id, qbo_customer_id, origin,
                            linked_at, last_synced_at, last_attempt_at, last_operation, last_error, version)
                        VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?)
                        ON CONFLICT (client_id) DO UPDATE SET realm_id = EXCLUDED.realm_id,
                            qbo_customer_id = EXCLUDED.qbo_customer_id, origin = EXCLUDED.origin,
                            linked_at = EXCLUDED.linked_at, last_synced_at = NULL, last_attempt_at = NULL,
                            last_operation = NULL, last_error = NULL, version = EXCLUDED.version
                        WHERE qbo_customer_link_view.version < EXCLUDED.version""",
                event.localId(), event.orgId(), event.realmId(), event.qboId(), event.origin().name(),
                Timestamp.from(at), version);
    }

    @EventHandler
    void on(QboUnlinked event, @SequenceNumber long version) {
        if (event.entity() != QboEntity.CUSTOMER) {
            return;
        }
        jdbc.update("""
                        UPDATE qbo_customer_link_view SET realm_id = NULL, qbo_customer_id = NULL, origin = NULL,
                            version = ?
                        WHERE client_id = ? AND version < ?""", version, event.localId(), version);
    }

    /** An attempt before any link (a create QuickBooks could not take yet) makes the row that the link fills in. */
    @EventHandler
    void on(QboSyncAttempted event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (event.entity() != QboEntity.CUSTOMER) {
            return;
        }
        boolean synced = SYNCED.contains(event.operation());
        String error = event.operation() == QboOperation.ERROR ? describe(event) : null;
        jdbc.update("""
                        INSERT INTO qbo_customer_link_view (client_id, org_id, last_synced_at, last_attempt_at,
                            last_operation, last_error, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (client_id) DO UPDATE SET
                            last_synced_at = CASE WHEN ? THEN EXCLUDED.last_attempt_at
                                ELSE qbo_customer_link_view.last_synced_at END,
                            last_attempt_at = EXCLUDED.last_attempt_at, last_operation = EXCLUDED.last_operation,
                            last_error = EXCLUDED.last_error, version = EXCLUDED.version
                        WHERE qbo_customer_link_view.version < EXCLUDED.version""",
                event.localId(), event.orgId(), synced ? Timestamp.from(at) : null, Timestamp.from(at),
                event.operation().name(), error, version, synced);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM qbo_customer_link_view");
    }

    private static String describe(QboSyncAttempted event) {
        if (event.fault() == null) {
            return event.note();
        }
        String fault = event.fault().code() + " " + event.fault().message();
        return event.note() == null ? fault : fault + ": " + event.note();
    }
}
