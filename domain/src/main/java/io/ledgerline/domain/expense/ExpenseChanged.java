package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

/** The expense's details after the change, all of them. */
public record ExpenseChanged(UUID orgId, UUID expenseId, UUID memberId, LocalDate date, BigDecimal amount,
                             Currency currency, String merchant, UUID categoryId, UUID projectId, UUID clientId,
                             String description, boolean billable, boolean reimbursable) implements OrgScoped {
}
