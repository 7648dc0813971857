package io.ledgerline.domain.client;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeactivateClient(UUID orgId, @TargetAggregateIdentifier UUID clientId) implements OrgScoped {
}
