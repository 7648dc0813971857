package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

/**
 * @param clientId the project's client when the expense was recorded ({@code null} without a project)
 * @param defaults what the merchant's mapping filled in; {@code null} when it filled nothing
 */
public record ExpenseCreated(UUID orgId, UUID expenseId, UUID memberId, UUID recordedBy, LocalDate date,
                             BigDecimal amount, Currency currency, String merchant, UUID categoryId, UUID projectId,
                             UUID clientId, String description, boolean billable, boolean reimbursable,
                             ExpenseSource source, AppliedDefaults defaults) implements OrgScoped {
}
