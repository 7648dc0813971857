package io.ledgerline.domain.qbo;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One QuickBooks invoice imported for reporting. It records the invoice only when it is new or QuickBooks changed
 * it, so importing again changes nothing.
 */
@Aggregate
public class QboImportedInvoice {

    @AggregateIdentifier
    private UUID importId;
    private QboInvoiceImported last;

    protected QboImportedInvoice() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ImportQboInvoice command) {
        if (last != null && !last.orgId().equals(command.orgId())) {
            throw BusinessRuleViolation.notFound("qbo.invoice_not_found", "No such QuickBooks invoice.");
        }
        QboInvoiceImported now = new QboInvoiceImported(command.orgId(), command.realmId(), command.qboInvoiceId(),
                command.docNumber(), command.qboCustomerId(), command.clientId(), command.txnDate(),
                command.dueDate(), command.total(), command.balance(), command.currency(), command.voided(),
                command.qboUpdatedAt());
        if (now.equals(last)) {
            return false;
        }
        apply(now);
        return true;
    }

    @EventSourcingHandler
    void on(QboInvoiceImported event) {
        importId = ImportQboInvoice.idOf(event.orgId(), event.realmId(), event.qboInvoiceId());
        last = event;
    }
}
