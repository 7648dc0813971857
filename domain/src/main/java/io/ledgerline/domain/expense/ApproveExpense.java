package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approves a submitted expense, which locks it. */
public record ApproveExpense(UUID orgId, @TargetAggregateIdentifier UUID expenseId, UUID approverId)
        implements OrgScoped {
}
