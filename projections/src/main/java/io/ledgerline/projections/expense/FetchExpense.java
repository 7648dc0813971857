package io.ledgerline.projections.expense;

import java.util.UUID;

/** @param viewerId the member whose expenses alone the caller may see; {@code null} when they may see all */
public record FetchExpense(UUID orgId, UUID expenseId, UUID viewerId) {
}
