package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client and its QuickBooks customer are no longer kept in step; both stay. */
public record UnlinkClientFromQbo(UUID orgId, UUID clientId, String reason) implements OrgScoped {

    @TargetAggregateIdentifier
    public UUID syncId() {
        return QboCustomerSync.idFor(clientId);
    }
}
