package io.ledgerline.app.web.expense;

import io.ledgerline.domain.expense.Expense;
import io.ledgerline.domain.expense.ExpenseSource;
import io.ledgerline.domain.expense.ExpenseSourceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The JSON shapes of expense writes. */
final class ExpenseBodies {

    private ExpenseBodies() {
    }

    /** Where an expense came from: {@code manual} (the default), or {@code external} with the provider's id. */
    record Source(@NotNull ExpenseSourceType type, @Size(max = 32) String provider,
                  @Size(max = Expense.MAX_EXTERNAL_ID_LENGTH) String externalId) {

        ExpenseSource toDomain() {
            return new ExpenseSource(type, provider, externalId);
        }
    }

    /**
     * @param memberId     whose expense it is; the caller's own when left out
     * @param categoryId   required unless the merchant's mapping supplies it
     * @param billable     default {@code false}
     * @param reimbursable default {@code true} for a manual expense, {@code false} for an imported one (paid by card)
     */
    record NewExpense(UUID memberId,
                      @NotNull LocalDate date,
                      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = Expense.MAX_AMOUNT_DIGITS, fraction = 4)
                      BigDecimal amount,
                      @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
                      @NotBlank @Size(max = Expense.MAX_MERCHANT_LENGTH) String merchant,
                      UUID categoryId,
                      UUID projectId,
                      @Size(max = Expense.MAX_DESCRIPTION_LENGTH) String description,
                      Boolean billable,
                      Boolean reimbursable,
                      @Valid Source source) {

        boolean imported() {
            return source != null && source.type() == ExpenseSourceType.EXTERNAL;
        }
    }

    /** Why a submitted expense goes back, or why a locked one is opened. */
    record Reason(@NotBlank @Size(max = Expense.MAX_REASON_LENGTH) String reason) {
    }
}
