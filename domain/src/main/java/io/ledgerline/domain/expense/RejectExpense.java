package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends a submitted expense back to its member with the reason; they may change it and submit it again. */
public record RejectExpense(UUID orgId, @TargetAggregateIdentifier UUID expenseId, UUID approverId, String reason)
        implements OrgScoped {
}
