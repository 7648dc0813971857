package io.ledgerline.app.web.expense;

import io.ledgerline.app.web.PatchBody;
import io.ledgerline.domain.expense.Expense;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A PATCH of an expense. A field absent from the body stays as it is; {@code projectId} and {@code description}
 * sent as {@code null} are cleared, the other fields cannot be. Records cannot tell absent from null, so the setters
 * note what was sent.
 */
class ExpenseChange extends PatchBody {

    private LocalDate date;
    @DecimalMin(value = "0", inclusive = false) @Digits(integer = Expense.MAX_AMOUNT_DIGITS, fraction = 4)
    private BigDecimal amount;
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
    private String currency;
    @Size(min = 1, max = Expense.MAX_MERCHANT_LENGTH)
    private String merchant;
    private UUID categoryId;
    private UUID projectId;
    @Size(max = Expense.MAX_DESCRIPTION_LENGTH)
    private String description;
    private Boolean billable;
    private Boolean reimbursable;

    LocalDate date() {
        return date;
    }

    BigDecimal amount() {
        return amount;
    }

    String currency() {
        return currency;
    }

    String merchant() {
        return merchant;
    }

    UUID categoryId() {
        return categoryId;
    }

    UUID projectId() {
        return projectId;
    }

    String description() {
        return description;
    }

    Boolean billable() {
        return billable;
    }

    Boolean reimbursable() {
        return reimbursable;
    }

    public void setDate(LocalDate date) {
        this.date = date;
        given("date", date);
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
        given("amount", amount);
    }

    public void setCurrency(String currency) {
        this.currency = currency;
        given("currency", currency);
    }

    public void setMerchant(String merchant) {
        this.merchant = merchant;
        given("merchant", merchant);
    }

    public void setCategoryId(UUID categoryId) {
        this.categoryId = categoryId;
        given("categoryId", categoryId);
    }

    public void setProjectId(UUID projectId) {
        this.projectId = projectId;
        given("projectId", projectId);
    }

    public void setDescription(String description) {
        this.description = description;
        given("description", description);
    }

    public void setBillable(Boolean billable) {
        this.billable = billable;
        given("billable", billable);
    }

    public void setReimbursable(Boolean reimbursable) {
        this.reimbursable = reimbursable;
        given("reimbursable", reimbursable);
    }
}
