package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/** The receipt's description only; the file is kept in the {@code expense_receipt} table, not in the log. */
public record ReceiptAttached(UUID orgId, UUID expenseId, UUID memberId, String contentType, long sizeBytes,
                              String sha256, String filename) implements OrgScoped {
}
