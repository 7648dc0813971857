package io.ledgerline.domain.client;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteClientNote(UUID orgId, @TargetAggregateIdentifier UUID clientId, UUID noteId) implements OrgScoped {
}
