package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Log what became of a QuickBooks payment applied to a linked invoice: recorded here, already recorded, or refused.
 *
 * @param paymentId the Ledgerline payment it is (or would be) recorded as
 */
public record RecordQboPaymentPull(UUID orgId, UUID invoiceId, UUID paymentId, String realmId, String qboPaymentId,
                                   QboOperation operation, Instant qboUpdatedAt, QboFault fault, String note)
        implements OrgScoped {

    @TargetAggregateIdentifier
    public UUID syncId() {
        return QboInvoiceSyncs.syncIdOf(invoiceId);
    }
}
