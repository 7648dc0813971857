package io.ledgerline.app.web.project;

import io.ledgerline.domain.project.Budget;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

/** A budget on the wire: hours, an amount in the client's currency, or both. */
record BudgetBody(@DecimalMin("0") @Digits(integer = 13, fraction = 4) BigDecimal hours,
                  @DecimalMin("0") @Digits(integer = 13, fraction = 4) BigDecimal amount) {

    static Budget toBudget(BudgetBody body) {
        return body == null ? Budget.NONE : new Budget(body.hours(), body.amount());
    }
}
