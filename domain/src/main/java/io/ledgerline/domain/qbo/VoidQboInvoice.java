package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Void the invoice's QuickBooks copy, as the invoice was voided here. */
public record VoidQboInvoice(UUID orgId, UUID invoiceId, QboInvoiceTrigger trigger) implements OrgScoped {

    @TargetAggregateIdentifier
    public UUID syncId() {
        return QboInvoiceSyncs.syncIdOf(invoiceId);
    }
}
