package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/** @param lockedBy what kept the expense from changing until now */
public record ExpenseUnlocked(UUID orgId, UUID expenseId, UUID memberId, UUID unlockedBy, ExpenseLock lockedBy,
                              String reason) implements OrgScoped {
}
