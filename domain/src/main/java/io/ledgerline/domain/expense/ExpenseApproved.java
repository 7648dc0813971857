package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ExpenseApproved(UUID orgId, UUID expenseId, UUID memberId, UUID approvedBy) implements OrgScoped {
}
