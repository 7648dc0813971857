package io.ledgerline.domain.qbo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One client's link to its QuickBooks customer and how far the two are in step: the client version last synced,
 * the customer's SyncToken and LastUpdatedTime last seen. Every push, pull and link is recorded here as a
 * {@link QboSyncAttempted}, which makes this aggregate's stream the client's sync history.
 */
@Aggregate
public class QboCustomerSync {

    @AggregateIdentifier
    private UUID syncId;
    private UUID orgId;
    private UUID clientId;
    private QboCustomerSyncState state = QboCustomerSyncState.NEW;

    protected QboCustomerSync() {
        // for Axon
    }

    public static UUID idFor(UUID clientId) {
        return UUID.nameUUIDFromBytes(("qbo-customer:" + clientId).getBytes(UTF_8));
    }

    /** The link and first sync of a client just created from a QuickBooks customer (see {@link ImportQboCustomer}). */
    public static QboCustomerSync imported(ImportQboCustomer command, long clientVersion) {
        QboCustomerSync sync = new QboCustomerSync();
        QboCustomer customer = command.customer();
        apply(new QboLinked(command.orgId(), QboEntity.CUSTOMER, command.clientId(), command.realmId(),
                customer.id(), QboLinkOrigin.IMPORTED));
        apply(new QboSyncAttempted(command.orgId(), QboEntity.CUSTOMER, command.clientId(), command.realmId(),
                customer.id(), QboDirection.PULL, QboOperation.CREATED, null, clientVersion, customer.syncToken(),
                customer.lastUpdatedTime(), null, null, null,
                "Client created from QuickBooks customer \u201C" + customer.displayName() + "\u201D."));
        return sync;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(LinkClientToQbo command, QboSyncPolicy policy, QboClientProfiles clients, QboLinks links,
                QboCustomerGateway customers) {
        requireSameOrganization(command.orgId());
        QboClientProfile client = requireClient(clients, command.orgId(), command.clientId());
        QboSyncPolicy.ActiveQbo qbo = policy.requireCustomerSync(command.orgId());
        if (state.linked()) {
            if (state.qboId().equals(command.qboCustomerId()) && qbo.realmId().equals(state.realmId())) {
                return;
            }
            throw BusinessRuleViolation.conflict("qbo.already_linked",
                    "The client is already linked to another QuickBooks customer. Unlink it first.");
        }
        links.localIdOf(command.orgId(), QboEntity.CUSTOMER, qbo.realmId(), command.qboCustomerId())
                .ifPresent(other -> {
                    throw BusinessRuleViolation.conflict("qbo.linked_elsewhere",
                            "This QuickBooks customer is already linked to client " + other + ".");
                });
        QboCustomer customer = customers.find(command.orgId(), command.qboCustomerId())
                .orElseThrow(() -> BusinessRuleViolation.notFound("qbo.customer_not_found",
                        "QuickBooks has no customer with Id " + command.qboCustomerId() + "."));
        apply(new QboLinked(command.orgId(), QboEntity.CUSTOMER, command.clientId(), qbo.realmId(), customer.id(),
                QboLinkOrigin.CHOSEN));
        apply(new QboSyncAttempted(command.orgId(), QboEntity.CUSTOMER, command.clientId(), qbo.realmId(),
                customer.id(), QboDirection.PULL, QboOperation.LINKED, null, client.fieldsVersion(),
                customer.syncToken(), customer.lastUpdatedTime(), null, null, null,
                "Linked to QuickBooks customer \u201C" + customer.displayName() + "\u201D by choice."));
    }

    @CommandHandler
    void handle(UnlinkClientFromQbo command) {
        requireSameOrganization(command.orgId());
        if (!state.linked()) {
            throw BusinessRuleViolation.notFound("qbo.not_linked", "The client is not linked to a QuickBooks customer.");
        }
        String reason = command.reason() == null ? "Unlinked by choice." : command.reason();
        String realmId = state.realmId();
        String unlinkedId = state.qboId();
        apply(new QboUnlinked(orgId, QboEntity.CUSTOMER, clientId, realmId, unlinkedId, reason));
        apply(new QboSyncAttempted(orgId, QboEntity.CUSTOMER, clientId, realmId, unlinkedId, QboDirection.PUSH,
                QboOperation.UNLINKED, null, null, null, null, null, null, null,
                reason + " Both records stay as they are."));
    }

    /** @return the attempt recorded, or {@code null} when the automatic push found nothing to do */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    QboSyncAttempted handle(PushClientToQbo command, QboSyncPolicy policy, QboClientProfiles clients,
                            QboCustomerGateway customers) {
        requireSameOrganization(command.orgId());
        QboClientProfile client = requireClient(clients, command.orgId(), command.clientId());
        QboSyncPolicy.ActiveQbo qbo = policy.requireCustomerSync(command.orgId());
        if (state.linked() && !qbo.realmId().equals(state.realmId())) {
            throw BusinessRuleViolation.conflict("qbo.realm_mismatch",
                    "The client is linked to a customer of another QuickBooks company. Unlink it first.");
        }
        if (command.onlyWhenChanged() && state.linked() && !state.changedSince(client)) {
            return null;
        }
        return push(command.orgId(), qbo.realmId(), client, customers);
    }

    /**
     * QuickBooks' newer version of the linked customer. Changes arrive twice and out of order: one no newer than the
     * last applied changes nothing. When the client changed too since the last sync, the most recent change wins,
     * and the attempt names what it overwrote.
     */
    @CommandHandler
    void handle(ApplyQboCustomerChange command, QboSyncPolicy policy, QboClientProfiles clients,
                QboClientUpdates updates, QboCustomerGateway customers) {
        requireSameOrganization(command.orgId());
        QboCustomer customer = command.customer();
        if (!state.linked() || !state.qboId().equals(customer.id()) || !state.realmId().equals(command.realmId())
                || !state.olderThan(customer.lastUpdatedTime())) {
            return;
        }
        boolean syncing = policy.active(orgId)
                .filter(qbo -> qbo.realmId().equals(state.realmId()) && qbo.settings().syncCustomers()).isPresent();
        QboClientProfile client = clients.current(orgId, clientId).orElse(null);
        if (!syncing || client == null) {
            return;
        }
        if (!customer.active()) {
            pulled(QboOperation.SKIPPED, customer, state.syncedClientVersion(),
                    "The customer was made inactive in QuickBooks; the client stays as it is.");
            return;
        }
        boolean changedHere = state.changedSince(client);
        List<String> differences = QboCustomerFields.differences(client, customer);
        if (!changedHere) {
            QboClientUpdates.Applied applied = updates.apply(orgId, clientId, customer);
            pulled(applied.changed() ? QboOperation.UPDATED : QboOperation.SKIPPED, customer, applied.fieldsVersion(),
                    applied.changed() ? withNote("Taken over from QuickBooks: " + String.join("; ", differences) + ".",
                            applied.note()) : "Nothing Ledgerline keeps changed in QuickBooks.");
        } else if (customer.lastUpdatedTime().isAfter(client.fieldsChangedAt())) {
            QboClientUpdates.Applied applied = updates.apply(orgId, clientId, customer);
            pulled(QboOperation.CONFLICT, customer, applied.fieldsVersion(), withNote(
                    "Both sides changed since the last sync; QuickBooks' change (" + customer.lastUpdatedTime()
                            + ") is newer than Ledgerline's (" + client.fieldsChangedAt()
                            + ") and won. Overwritten in Ledgerline (Ledgerline / QuickBooks): "
                            + describe(differences) + ".", applied.note()));
        } else {
            apply(new QboSyncAttempted(orgId, QboEntity.CUSTOMER, clientId, state.realmId(), state.qboId(),
                    QboDirection.PUSH, QboOperation.CONFLICT, null, null, customer.syncToken(), customer.lastUpdatedTime(), null, null,
                    null, "Both sides changed since the last sync; Ledgerline's change (" + client.fieldsChangedAt()
                            + ") is newer than QuickBooks' (" + customer.lastUpdatedTime()
                            + ") and won. Overwritten in QuickBooks (Ledgerline / QuickBooks): "
                            + describe(differences) + "."));
            push(orgId, state.realmId(), client, customers);
        }
    }

    private QboSyncAttempted push(UUID orgId, String realm, QboClientProfile client, QboCustomerGateway customers) {
        boolean wasLinked = state.linked();
        QboCustomerPushOutcome outcome = customers.push(orgId, realm, client, state.qboId());
        if (!wasLinked && outcome.newLink() != null) {
            apply(new QboLinked(orgId, QboEntity.CUSTOMER, client.clientId(), realm, outcome.qboId(),
                    outcome.newLink()));
        }
        QboSyncAttempted attempt = new QboSyncAttempted(orgId, QboEntity.CUSTOMER, client.clientId(), realm,
                outcome.qboId(), QboDirection.PUSH, outcome.operation(), outcome.requestId(), client.fieldsVersion(),
                outcome.syncToken(), outcome.qboUpdatedAt(), outcome.fault(), outcome.intuitTid(), outcome.payload(),
                outcome.note());
        apply(attempt);
        return attempt;
    }

    private void pulled(QboOperation operation, QboCustomer customer, Long clientVersion, String note) {
        apply(new QboSyncAttempted(orgId, QboEntity.CUSTOMER, clientId, state.realmId(), state.qboId(),
                QboDirection.PULL, operation,
                null, clientVersion, customer.syncToken(), customer.lastUpdatedTime(), null, null, null, note));
    }

    private static String describe(List<String> differences) {
        return differences.isEmpty() ? "no shared field differed" : String.join("; ", differences);
    }

    private static String withNote(String note, String more) {
        if (more == null) {
            return note;
        }
        return note == null ? more : note + " " + more;
    }

    private static QboClientProfile requireClient(QboClientProfiles clients, UUID orgId, UUID clientId) {
        return clients.current(orgId, clientId)
                .orElseThrow(() -> BusinessRuleViolation.notFound("client.not_found", "No such client."));
    }

    private void requireSameOrganization(UUID commandOrgId) {
        if (orgId != null && !orgId.equals(commandOrgId)) {
            throw BusinessRuleViolation.notFound("client.not_found", "No such client.");
        }
    }

    private void identify(UUID orgId, UUID clientId) {
        if (syncId == null) {
            this.syncId = idFor(clientId);
            this.orgId = orgId;
            this.clientId = clientId;
        }
    }

    @EventSourcingHandler
    void on(QboLinked event) {
        identify(event.orgId(), event.localId());
        state = state.after(event);
    }

    @EventSourcingHandler
    void on(QboUnlinked event) {
        state = state.after(event);
    }

    @EventSourcingHandler
    void on(QboSyncAttempted event) {
        identify(event.orgId(), event.localId());
        state = state.after(event);
    }
}
