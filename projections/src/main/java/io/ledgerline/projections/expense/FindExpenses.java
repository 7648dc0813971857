package io.ledgerline.projections.expense;

import io.ledgerline.projections.shared.Window;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Expenses of an organization, newest first. Every filter left {@code null} does not narrow the list.
 *
 * @param viewerId the member whose expenses alone the caller may see; {@code null} when they may see all
 * @param from     first expense date included
 * @param to       last expense date included
 */
public record FindExpenses(UUID orgId, UUID viewerId, LocalDate from, LocalDate to, UUID memberId, UUID projectId,
                           UUID clientId, UUID categoryId, ExpenseStatusFilter status, Boolean billable,
                           Boolean reimbursable, Window window) {
}
