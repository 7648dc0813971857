package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteTimeEntry(UUID orgId, @TargetAggregateIdentifier UUID entryId) implements OrgScoped {
}
