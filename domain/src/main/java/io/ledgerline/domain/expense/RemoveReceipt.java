package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes the expense's receipt; the expense must be changeable. */
public record RemoveReceipt(UUID orgId, @TargetAggregateIdentifier UUID expenseId, UUID actorId) implements OrgScoped {
}
