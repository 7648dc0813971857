package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** QuickBooks reports the linked customer as it is now (change data capture, a webhook or a force resync). */
public record ApplyQboCustomerChange(UUID orgId, UUID clientId, String realmId, QboCustomer customer)
        implements OrgScoped {

    @TargetAggregateIdentifier
    public UUID syncId() {
        return QboCustomerSync.idFor(clientId);
    }
}
