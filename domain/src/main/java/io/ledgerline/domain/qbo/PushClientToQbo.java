package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates or updates the client's customer in QuickBooks.
 *
 * @param onlyWhenChanged the automatic sync's push: nothing happens when the client did not change since the last
 *                        sync; a person's push always writes
 */
public record PushClientToQbo(UUID orgId, UUID clientId, boolean onlyWhenChanged) implements OrgScoped {

    @TargetAggregateIdentifier
    public UUID syncId() {
        return QboCustomerSync.idFor(clientId);
    }
}
