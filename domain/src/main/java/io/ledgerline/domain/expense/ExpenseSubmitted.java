package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ExpenseSubmitted(UUID orgId, UUID expenseId, UUID memberId, UUID submittedBy) implements OrgScoped {
}
