package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** QuickBooks keeps refusing the connection's calls for a reason other than authorization. */
public record RecordQboConnectionFailure(UUID orgId, @TargetAggregateIdentifier UUID connectionId, String realmId,
                                         QboFault fault) implements OrgScoped {
}
