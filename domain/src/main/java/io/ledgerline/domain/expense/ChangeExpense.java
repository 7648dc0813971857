package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes an expense's details. A {@code null} field keeps its value; a blank description clears it, and
 * {@code clearProject} takes the expense off its project (which a billable expense cannot be).
 *
 * @param actorId who makes the change: the expense's member, or someone who may act for them
 */
public record ChangeExpense(UUID orgId, @TargetAggregateIdentifier UUID expenseId, UUID actorId, LocalDate date,
                            BigDecimal amount, Currency currency, String merchant, UUID categoryId, UUID projectId,
                            boolean clearProject, String description, Boolean billable, Boolean reimbursable)
        implements OrgScoped {
}
