package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends a draft or rejected expense for approval. */
public record SubmitExpense(UUID orgId, @TargetAggregateIdentifier UUID expenseId, UUID actorId) implements OrgScoped {
}
