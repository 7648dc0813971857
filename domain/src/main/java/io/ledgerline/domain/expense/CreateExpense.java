package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records an expense a member paid or was charged. Left out, the currency is the organization's, and the
 * category and project come from the merchant's mapping when there is one; the source is manual.
 *
 * @param memberId   whose expense it is
 * @param recordedBy who recorded it: the member, or someone recording on their behalf
 */
public record CreateExpense(UUID orgId, @TargetAggregateIdentifier UUID expenseId, UUID memberId, UUID recordedBy,
                            LocalDate date, BigDecimal amount, Currency currency, String merchant, UUID categoryId,
                            UUID projectId, String description, boolean billable, boolean reimbursable,
                            ExpenseSource source) implements OrgScoped {
}
