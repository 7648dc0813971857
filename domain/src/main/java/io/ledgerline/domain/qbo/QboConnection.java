package io.ledgerline.domain.qbo;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.OrgScoped;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An organization's connection to one QuickBooks company: which company, whether syncs may run, and what the admins
 * let them do. One per organization; it comes into being with the first connect and outlives disconnects, so a
 * reconnect keeps the settings. The tokens are not here: secrets never enter the event log.
 */
@Aggregate
public class QboConnection {

    @AggregateIdentifier
    private UUID connectionId;
    private UUID orgId;
    private String realmId;
    private QboConnectionStatus status;
    private QboSettings settings;
    private QboFault fault;

    protected QboConnection() {
        // for Axon, and as the connection a first connect creates
    }

    /** The connection's id: derived from the organization's but never equal to it (ids are unique across aggregates). */
    public static UUID idOf(UUID orgId) {
        return UUID.nameUUIDFromBytes(("qbo-connection:" + orgId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Connects, or reconnects after an expiry or a disconnect. A different company is refused while any record is
     * still linked to another one: mixing two companies' records under one organization cannot be undone.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ConnectQbo command, QboLinks links) {
        if (command.orgId() == null || !idOf(command.orgId()).equals(command.connectionId())
                || (orgId != null && !orgId.equals(command.orgId()))) {
            throw notConnected();
        }
        if (command.realmId() == null || command.realmId().isBlank()) {
            throw BusinessRuleViolation.unprocessable("qbo.realm_required", "QuickBooks did not name the company.");
        }
        if (!command.realmId().equals(realmId) && links.anyLinkedOutside(command.orgId(), command.realmId())) {
            throw BusinessRuleViolation.conflict("qbo.realm_mismatch",
                    "Records of this organization are linked to another QuickBooks company. Reconnect to that "
                            + "company, or unlink them first.");
        }
        apply(new QboConnected(command.orgId(), command.realmId(), command.companyName(), command.connectedBy(),
                command.realmId().equals(realmId)));
    }

    /** Nothing happens when the connection is already expired or disconnected: Intuit may say so more than once. */
    @CommandHandler
    public void handle(MarkQboConnectionExpired command) {
        requireSameOrganization(command);
        if (syncing() && sameRealm(command.realmId())) {
            apply(new QboConnectionExpired(orgId, realmId, command.reason()));
        }
    }

    /** Only a syncing connection can fail, and the same fault twice in a row is one failure. */
    @CommandHandler
    public void handle(RecordQboConnectionFailure command) {
        requireSameOrganization(command);
        if (command.fault() == null) {
            throw BusinessRuleViolation.unprocessable("qbo.fault_required", "Say what QuickBooks answered.");
        }
        if (syncing() && sameRealm(command.realmId())
                && !(status == QboConnectionStatus.ERROR && command.fault().equals(fault))) {
            apply(new QboConnectionFailed(orgId, realmId, command.fault()));
        }
    }

    @CommandHandler
    public void handle(DisconnectQbo command) {
        requireSameOrganization(command);
        if (status != QboConnectionStatus.DISCONNECTED) {
            apply(new QboDisconnected(orgId, realmId, command.disconnectedBy(), command.revokedAtIntuit()));
        }
    }

    @CommandHandler
    public void handle(ChangeQboSettings command) {
        requireSameOrganization(command);
        QboSettings wanted = command.settings();
        if (wanted == null) {
            throw BusinessRuleViolation.unprocessable("qbo.settings_required", "Give the settings.");
        }
        if (wanted.pushOnFinalize() && !wanted.syncInvoices()) {
            throw BusinessRuleViolation.unprocessable("qbo.push_on_finalize_needs_invoice_sync",
                    "Pushing invoices on finalize needs invoice sync turned on.");
        }
        if (!wanted.equals(settings)) {
            apply(new QboSettingsChanged(orgId, wanted));
        }
    }

    /** A pull for a company the organization has left since it started changes nothing. */
    @CommandHandler
    public void handle(RecordQboChangesPulled command) {
        requireSameOrganization(command);
        if (syncing() && sameRealm(command.realmId())) {
            apply(new QboChangesPulled(orgId, realmId, command.changedSince(), command.checkpoint(),
                    command.changeCount(), command.saturated(), command.fullResync()));
        }
    }

    private boolean syncing() {
        return status == QboConnectionStatus.CONNECTED || status == QboConnectionStatus.ERROR;
    }

    private boolean sameRealm(String realm) {
        return Objects.equals(realm, realmId);
    }

    private void requireSameOrganization(OrgScoped command) {
        if (!orgId.equals(command.orgId())) {
            throw notConnected();
        }
    }

    private static BusinessRuleViolation notConnected() {
        return BusinessRuleViolation.conflict("qbo.not_connected", "This organization has not connected QuickBooks.");
    }

    @EventSourcingHandler
    void on(QboConnected event) {
        if (orgId == null) {
            connectionId = idOf(event.orgId());
            orgId = event.orgId();
            settings = QboSettings.DEFAULTS;
        }
        realmId = event.realmId();
        status = QboConnectionStatus.CONNECTED;
        fault = null;
    }

    @EventSourcingHandler
    void on(QboConnectionExpired event) {
        status = QboConnectionStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(QboConnectionFailed event) {
        status = QboConnectionStatus.ERROR;
        fault = event.fault();
    }

    @EventSourcingHandler
    void on(QboDisconnected event) {
        status = QboConnectionStatus.DISCONNECTED;
        fault = null;
    }

    @EventSourcingHandler
    void on(QboSettingsChanged event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(QboChangesPulled event) {
        status = QboConnectionStatus.CONNECTED;
        fault = null;
    }
}
