package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lets a submitted, approved or invoiced expense take one more change (or a deletion, unless invoiced). */
public record UnlockExpense(UUID orgId, @TargetAggregateIdentifier UUID expenseId, UUID actorId, String reason)
        implements OrgScoped {
}
