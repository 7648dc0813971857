package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes an expense that is not locked; an invoiced expense is never deleted. */
public record DeleteExpense(UUID orgId, @TargetAggregateIdentifier UUID expenseId, UUID actorId) implements OrgScoped {
}
