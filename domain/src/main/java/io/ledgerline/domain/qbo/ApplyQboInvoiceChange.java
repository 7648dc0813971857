package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take note of a change QuickBooks reported for the invoice's QuickBooks copy. Answers whether it applied: a change
 * no newer than the last one applied (a duplicate or out-of-order delivery) is skipped.
 *
 * @param qboUpdatedAt the record's {@code MetaData.LastUpdatedTime}
 */
public record ApplyQboInvoiceChange(UUID orgId, UUID invoiceId, String realmId, String qboId,
                                    QboInvoiceChange change, Instant qboUpdatedAt, String qboSyncToken)
        implements OrgScoped {

    @TargetAggregateIdentifier
    public UUID syncId() {
        return QboInvoiceSyncs.syncIdOf(invoiceId);
    }
}
