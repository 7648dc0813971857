package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ExpenseDeleted(UUID orgId, UUID expenseId, UUID memberId) implements OrgScoped {
}
