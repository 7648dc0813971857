package io.ledgerline.app.registry;

import io.ledgerline.domain.qbo.QboChangesPulled;
import io.ledgerline.domain.qbo.QboConnected;
import io.ledgerline.domain.qbo.QboConnectionExpired;
import io.ledgerline.domain.qbo.QboConnectionFailed;
import io.ledgerline.domain.qbo.QboConnectionStatus;
import io.ledgerline.domain.qbo.QboDisconnected;
import io.ledgerline.domain.qbo.QboSettings;
import io.ledgerline.domain.qbo.QboSettingsChanged;
import io.ledgerline.domain.qbo.QboSyncPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each organization's QuickBooks connection as it stands now, on the command side: whether syncs may run, with which
 * settings, and where the next change pull starts (see V15__qbo_connection.sql).
 */
@Component
@ProcessingGroup(RegistryGroup.NAME)
public class QboConnectionRegistry implements QboSyncPolicy {

    /** Syncs run while connected, and keep trying while in error; they wait while expired or disconnected. */
    private static final String SYNCING = "status IN ('CONNECTED', 'ERROR')";

    private final JdbcTemplate jdbc;

    QboConnectionRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One organization's connection, as the change puller and the webhook worker need it. */
    public record Connection(UUID orgId, String realmId, QboConnectionStatus status, Instant changesCheckpoint) {

        public boolean syncing() {
            return status == QboConnectionStatus.CONNECTED || status == QboConnectionStatus.ERROR;
        }
    }

    /**
     * A first connect starts pulling changes from its own moment; a reconnect to the same company carries on from
     * the old checkpoint, so changes made while the connection was expired or disconnected are pulled too.
     */
    @EventHandler
    void on(QboConnected event, @org.axonframework.eventhandling.Timestamp Instant at) {
        QboSettings defaults = QboSettings.DEFAULTS;
        jdbc.update("""
                        INSERT INTO qbo_connection_state (org_id, realm_id, status, sync_customers, sync_invoices,
                            push_on_finalize, changes_checkpoint)
                        VALUES (?, ?, 'CONNECTED', ?, ?, ?, ?)
                        ON CONFLICT (org_id) DO UPDATE SET status = 'CONNECTED', realm_id = EXCLUDED.realm_id,
                            changes_checkpoint = CASE WHEN qbo_connection_state.realm_id = EXCLUDED.realm_id
                                THEN qbo_connection_state.changes_checkpoint ELSE EXCLUDED.changes_checkpoint END""",
                event.orgId(), event.realmId(), defaults.syncCustomers(), defaults.syncInvoices(),
                defaults.pushOnFinalize(), Timestamp.from(at));
    }

    @EventHandler
    void on(QboConnectionExpired event) {
        status(event.orgId(), QboConnectionStatus.EXPIRED);
    }

    @EventHandler
    void on(QboConnectionFailed event) {
        status(event.orgId(), QboConnectionStatus.ERROR);
    }

    @EventHandler
    void on(QboDisconnected event) {
        status(event.orgId(), QboConnectionStatus.DISCONNECTED);
    }

    @EventHandler
    void on(QboSettingsChanged event) {
        jdbc.update("UPDATE qbo_connection_state SET sync_customers = ?, sync_invoices = ?, push_on_finalize = ? "
                        + "WHERE org_id = ?", event.settings().syncCustomers(), event.settings().syncInvoices(),
                event.settings().pushOnFinalize(), event.orgId());
    }

    @EventHandler
    void on(QboChangesPulled event) {
        jdbc.update("UPDATE qbo_connection_state SET status = 'CONNECTED', changes_checkpoint = ? WHERE org_id = ?",
                Timestamp.from(event.checkpoint()), event.orgId());
    }

    private void status(UUID orgId, QboConnectionStatus status) {
        jdbc.update("UPDATE qbo_connection_state SET status = ? WHERE org_id = ?", status.name(), orgId);
    }

    @Override
    public Optional<ActiveQbo> active(UUID orgId) {
        return jdbc.query("SELECT realm_id, sync_customers, sync_invoices, push_on_finalize FROM qbo_connection_state "
                        + "WHERE org_id = ? AND " + SYNCING,
                (rs, i) -> new ActiveQbo(rs.getString("realm_id"), new QboSettings(rs.getBoolean("sync_customers"),
                        rs.getBoolean("sync_invoices"), rs.getBoolean("push_on_finalize"))),
                orgId).stream().findFirst();
    }

    /** The organization's connection in any status; empty when it never connected. */
    public Optional<Connection> connection(UUID orgId) {
        return jdbc.query("SELECT * FROM qbo_connection_state WHERE org_id = ?", QboConnectionRegistry::connection,
                orgId).stream().findFirst();
    }

    /** Every connection that may sync now. */
    public List<Connection> syncing() {
        return jdbc.query("SELECT * FROM qbo_connection_state WHERE " + SYNCING + " ORDER BY org_id",
                QboConnectionRegistry::connection);
    }

    /** The organizations connected to a company and not disconnected (an expired one waits for its reconnect). */
    public List<Connection> connectedTo(String realmId) {
        return jdbc.query("SELECT * FROM qbo_connection_state WHERE realm_id = ? AND status <> 'DISCONNECTED'",
                QboConnectionRegistry::connection, realmId);
    }

    private static Connection connection(ResultSet rs, int row) throws SQLException {
        return new Connection(rs.getObject("org_id", UUID.class), rs.getString("realm_id"),
                QboConnectionStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("changes_checkpoint").toInstant());
    }
}
