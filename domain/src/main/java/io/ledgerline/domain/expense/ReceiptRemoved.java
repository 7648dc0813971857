package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ReceiptRemoved(UUID orgId, UUID expenseId, UUID memberId) implements OrgScoped {
}
