package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Somebody chose the QuickBooks customer that is this client. */
public record LinkClientToQbo(UUID orgId, UUID clientId, String qboCustomerId) implements OrgScoped {

    @TargetAggregateIdentifier
    public UUID syncId() {
        return QboCustomerSync.idFor(clientId);
    }
}
