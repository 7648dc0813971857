package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboChangesPulled;
import io.ledgerline.domain.qbo.QboConnected;
import io.ledgerline.domain.qbo.QboConnectionExpired;
import io.ledgerline.domain.qbo.QboConnectionFailed;
import io.ledgerline.domain.qbo.QboDisconnected;
import io.ledgerline.domain.qbo.QboSettings;
import io.ledgerline.domain.qbo.QboSettingsChanged;
import io.ledgerline.domain.qbo.QboSyncAttempted;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The integration card of each organization's QuickBooks connection. The connection's own events are guarded by its
 * version; the last sync time comes from events of many aggregates and only ever moves forward, so the row comes
 * out the same whatever order a replay delivers them in.
 */
@Component
@ProcessingGroup(QboConnectionProjection.GROUP)
public class QboConnectionProjection {

    public static final String GROUP = "qbo-connections";

    private final JdbcTemplate jdbc;

    public QboConnectionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A reconnect keeps the settings and, when QuickBooks could not be asked this time, the company's name. */
    @EventHandler
    void on(QboConnected event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        QboSettings defaults = QboSettings.DEFAULTS;
        jdbc.update("""
                        INSERT INTO qbo_connection_view (org_id, realm_id, company_name, status, connected_at,
                            connected_by, sync_customers, sync_invoices, push_on_finalize, version)
                        VALUES (?, ?, ?, 'CONNECTED', ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (org_id) DO UPDATE SET realm_id = EXCLUDED.realm_id,
                            company_name = CASE WHEN EXCLUDED.company_name IS NOT NULL
                                OR qbo_connection_view.realm_id IS DISTINCT FROM EXCLUDED.realm_id
                                THEN EXCLUDED.company_name ELSE qbo_connection_view.company_name END,
                            status = 'CONNECTED', connected_at = EXCLUDED.connected_at,
                            connected_by = EXCLUDED.connected_by, expired_reason = NULL, error_code = NULL,
                            error_message = NULL,
                            sync_customers = COALESCE(qbo_connection_view.sync_customers, EXCLUDED.sync_customers),
                            sync_invoices = COALESCE(qbo_connection_view.sync_invoices, EXCLUDED.sync_invoices),
                            push_on_finalize = COALESCE(qbo_connection_view.push_on_finalize,
                                EXCLUDED.push_on_finalize),
                            version = EXCLUDED.version
                        WHERE qbo_connection_view.version < EXCLUDED.version""",
                event.orgId(), event.realmId(), event.companyName(), Timestamp.from(at), event.connectedBy(),
                defaults.syncCustomers(), defaults.syncInvoices(), defaults.pushOnFinalize(), version);
    }

    @EventHandler
    void on(QboConnectionExpired event, @SequenceNumber long version) {
        jdbc.update("UPDATE qbo_connection_view SET status = 'EXPIRED', expired_reason = ?, version = ? "
                + "WHERE org_id = ? AND version < ?", event.reason(), version, event.orgId(), version);
    }

    @EventHandler
    void on(QboConnectionFailed event, @SequenceNumber long version) {
        jdbc.update("UPDATE qbo_connection_view SET status = 'ERROR', error_code = ?, error_message = ?, version = ? "
                        + "WHERE org_id = ? AND version < ?", event.fault().code(), event.fault().message(), version,
                event.orgId(), version);
    }

    @EventHandler
    void on(QboDisconnected event, @SequenceNumber long version) {
        jdbc.update("UPDATE qbo_connection_view SET status = 'DISCONNECTED', expired_reason = NULL, error_code = NULL, "
                + "error_message = NULL, version = ? WHERE org_id = ? AND version < ?", version, event.orgId(), version);
    }

    @EventHandler
    void on(QboSettingsChanged event, @SequenceNumber long version) {
        jdbc.update("UPDATE qbo_connection_view SET sync_customers = ?, sync_invoices = ?, push_on_finalize = ?, "
                        + "version = ? WHERE org_id = ? AND version < ?", event.settings().syncCustomers(),
                event.settings().syncInvoices(), event.settings().pushOnFinalize(), version, event.orgId(), version);
    }

    /** A pull that went through ends an error. */
    @EventHandler
    void on(QboChangesPulled event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        synced(event.orgId(), at);
        jdbc.update("UPDATE qbo_connection_view SET status = 'CONNECTED', error_code = NULL, error_message = NULL, "
                + "version = ? WHERE org_id = ? AND version < ?", version, event.orgId(), version);
    }

    @EventHandler
    void on(QboSyncAttempted event, @org.axonframework.eventhandling.Timestamp Instant at) {
        synced(event.orgId(), at);
    }

    private void synced(UUID orgId, Instant at) {
        jdbc.update("""
                        INSERT INTO qbo_connection_view (org_id, last_sync_at, version) VALUES (?, ?, -1)
                        ON CONFLICT (org_id) DO UPDATE SET last_sync_at = GREATEST(qbo_connection_view.last_sync_at,
                            EXCLUDED.last_sync_at)""",
                orgId, Timestamp.from(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM qbo_connection_view");
    }
}
