package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ExpenseRejected(UUID orgId, UUID expenseId, UUID memberId, UUID rejectedBy, String reason)
        implements OrgScoped {
}
