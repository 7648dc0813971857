package io.ledgerline.domain.qbo;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.qbo.QboInvoicePusher.QboInvoicePush;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An invoice's QuickBooks copy: which one it is, what was last pushed, and what QuickBooks did to it. There is one
 * per invoice ({@link QboInvoiceSyncs#syncIdOf}), so pushes of one invoice take turns, and once it knows its
 * QuickBooks invoice it only ever updates that one: exactly one QuickBooks invoice per Ledgerline invoice.
 */
@Aggregate
public class QboInvoiceSync {

    @AggregateIdentifier
    private UUID syncId;
    private UUID orgId;
    private UUID invoiceId;
    private String realmId;
    private String qboId;
    private int generation;
    private boolean deletedInQbo;
    private boolean voidedInQbo;
    private Instant lastAppliedUpdate;

    protected QboInvoiceSync() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public QboInvoicePush handle(PushInvoiceToQbo command, QboInvoicePusher pusher) {
        requireSameOrganization(command.orgId());
        if (deletedInQbo && command.recreate()) {
            apply(new QboUnlinked(command.orgId(), QboEntity.INVOICE, command.invoiceId(), realmId, qboId,
                    "Deleted in QuickBooks; a force resync re-creates it."));
            apply(new QboInvoiceRecreationStarted(command.orgId(), command.invoiceId(), generation + 1));
        } else if (deletedInQbo || voidedInQbo) {
            return record(command.orgId(), command.invoiceId(), new QboInvoicePush(QboOperation.SKIPPED, realmId,
                    qboId, null, null, null, null, null, null, null, null, deletedInQbo
                    ? "Deleted in QuickBooks: it is not pushed again by itself; a force resync re-creates it."
                    : "Voided in QuickBooks: there is nothing left to update.", 0), QboInvoiceAction.PUSH);
        }
        QboInvoicePush push;
        try {
            push = pusher.push(command.orgId(), command.invoiceId(), qboId, generation);
        } catch (BusinessRuleViolation refused) {
            if (command.trigger() == QboInvoiceTrigger.MANUAL) {
                throw refused;
            }
            // Nobody is waiting for an answer: the admin finds the reason in the sync log instead.
            push = refusal(refused);
        }
        if (qboId != null && push.linkedAs() != null) {
            throw new IllegalStateException("A push of a linked invoice found another QuickBooks invoice");
        }
        return record(command.orgId(), command.invoiceId(), push, QboInvoiceAction.PUSH);
    }

    @CommandHandler
    public QboInvoicePush handle(VoidQboInvoice command, QboInvoicePusher pusher) {
        requireSameOrganization(command.orgId());
        if (qboId == null || deletedInQbo || voidedInQbo) {
            return record(command.orgId(), command.invoiceId(), new QboInvoicePush(QboOperation.SKIPPED, realmId,
                    qboId, null, null, null, null, null, null, null, null,
                    qboId == null ? "Never pushed to QuickBooks: nothing to void there."
                            : deletedInQbo ? "Deleted in QuickBooks: nothing to void there."
                            : "Already voided in QuickBooks.", 0), QboInvoiceAction.VOID);
        }
        return record(command.orgId(), command.invoiceId(),
                pusher.voidInvoice(command.orgId(), command.invoiceId(), realmId, qboId, generation),
                QboInvoiceAction.VOID);
    }

    @CommandHandler
    public boolean handle(ApplyQboInvoiceChange command) {
        requireSameOrganization(command.orgId());
        if (!command.qboId().equals(qboId) || !command.realmId().equals(realmId)) {
            throw BusinessRuleViolation.notFound("qbo.invoice_not_linked",
                    "The invoice is not linked to this QuickBooks invoice.");
        }
        boolean known = command.change() == QboInvoiceChange.VOIDED && voidedInQbo
                || command.change() == QboInvoiceChange.DELETED && deletedInQbo;
        if (known || lastAppliedUpdate != null && command.qboUpdatedAt() != null
                && !command.qboUpdatedAt().isAfter(lastAppliedUpdate)) {
            return false;
        }
        QboOperation operation = switch (command.change()) {
            case VOIDED -> QboOperation.VOIDED;
            case DELETED -> QboOperation.DELETED;
            case VOID_REFUSED -> QboOperation.ERROR;
        };
        String note = switch (command.change()) {
            case VOIDED -> "Voided in QuickBooks: the invoice is voided here too.";
            case DELETED -> "Deleted in QuickBooks: the link stays, marked; it is not pushed again by itself.";
            case VOID_REFUSED -> "Voided in QuickBooks, but payments are recorded against the invoice here, so it "
                    + "cannot be voided: remove the payments or re-create the invoice in QuickBooks.";
        };
        apply(new QboSyncAttempted(command.orgId(), QboEntity.INVOICE, command.invoiceId(), realmId, qboId,
                QboDirection.PULL, operation, null, null, command.qboSyncToken(), command.qboUpdatedAt(), null, null,
                null, note));
        return command.change() == QboInvoiceChange.VOIDED;
    }

    @CommandHandler
    public void handle(RecordQboPaymentPull command) {
        requireSameOrganization(command.orgId());
        apply(new QboSyncAttempted(command.orgId(), QboEntity.PAYMENT, command.paymentId(), command.realmId(),
                command.qboPaymentId(), QboDirection.PULL, command.operation(), null, null, null,
                command.qboUpdatedAt(), command.fault(), null, null, command.note()));
    }

    private QboInvoicePush record(UUID org, UUID invoice, QboInvoicePush push, QboInvoiceAction action) {
        if (push.linkedAs() != null) {
            apply(new QboLinked(org, QboEntity.INVOICE, invoice, push.realmId(), push.qboId(), push.linkedAs()));
        }
        apply(new QboSyncAttempted(org, QboEntity.INVOICE, invoice, push.realmId(), push.qboId(), QboDirection.PUSH,
                push.operation(), push.requestId(), push.invoiceVersion(), push.qboSyncToken(), push.qboUpdatedAt(),
                push.fault(), push.intuitTid(), push.payload(), push.note()));
        if (push.operation() == QboOperation.DEFERRED) {
            apply(new QboInvoiceSyncDeferred(org, invoice, action, push.retryAfterSeconds()));
        }
        return push;
    }

    private QboInvoicePush refusal(BusinessRuleViolation refused) {
        QboOperation operation = "qbo.invoice_sync_disabled".equals(refused.code()) ? QboOperation.SKIPPED
                : "qbo.not_connected".equals(refused.code()) ? QboOperation.DEFERRED
                : QboOperation.ERROR;
        String note = operation == QboOperation.DEFERRED
                ? "Waiting for a reconnect: " + refused.getMessage() : refused.getMessage();
        return new QboInvoicePush(operation, realmId, qboId, null, null, null, null, null,
                new QboFault(refused.code(), refused.getMessage(), null, null), null, null, note, 0);
    }

    private void requireSameOrganization(UUID commandOrg) {
        if (orgId != null && !orgId.equals(commandOrg)) {
            throw BusinessRuleViolation.notFound("invoice.not_found", "No such invoice.");
        }
    }

    @EventSourcingHandler
    void on(QboSyncAttempted event) {
        if (syncId == null) {
            syncId = QboInvoiceSyncs.syncIdOf(event.localId());
            orgId = event.orgId();
            invoiceId = event.localId();
        }
        if (event.entity() != QboEntity.INVOICE) {
            return;
        }
        if (event.realmId() != null && realmId == null) {
            realmId = event.realmId();
        }
        switch (event.operation()) {
            case DELETED -> deletedInQbo = true;
            case VOIDED -> voidedInQbo = true;
            default -> {
            }
        }
        if (event.direction() == QboDirection.PULL && event.qboUpdatedAt() != null) {
            lastAppliedUpdate = event.qboUpdatedAt();
        }
    }

    @EventSourcingHandler
    void on(QboLinked event) {
        syncId = QboInvoiceSyncs.syncIdOf(event.localId());
        orgId = event.orgId();
        invoiceId = event.localId();
        realmId = event.realmId();
        qboId = event.qboId();
    }

    @EventSourcingHandler
    void on(QboUnlinked event) {
        qboId = null;
        deletedInQbo = false;
        voidedInQbo = false;
    }

    @EventSourcingHandler
    void on(QboInvoiceRecreationStarted event) {
        generation = event.generation();
    }
}
