package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Bring the invoice's QuickBooks copy in step with the invoice: link it to the one QuickBooks already has under
 * its number, create it, or update it. Never creates a second one.
 *
 * @param recreate a force resync re-creates an invoice deleted in QuickBooks (a new generation, a new requestid);
 *                 without it a deleted one stays deleted
 */
public record PushInvoiceToQbo(UUID orgId, UUID invoiceId, QboInvoiceTrigger trigger, boolean recreate)
        implements OrgScoped {

    public static PushInvoiceToQbo of(UUID orgId, UUID invoiceId, QboInvoiceTrigger trigger) {
        return new PushInvoiceToQbo(orgId, invoiceId, trigger, false);
    }

    @TargetAggregateIdentifier
    public UUID syncId() {
        return QboInvoiceSyncs.syncIdOf(invoiceId);
    }
}
