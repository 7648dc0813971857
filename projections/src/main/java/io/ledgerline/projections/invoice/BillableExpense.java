package io.ledgerline.projections.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An approved, billable expense that no invoice bills yet. */
public record BillableExpense(UUID expenseId, UUID memberId, UUID projectId, String projectName, LocalDate expenseDate,
                              BigDecimal amount, String currency, String merchant, String category,
                              String description) {
}
