package io.ledgerline.app.web.project;

import io.ledgerline.app.web.PatchBody;
import io.ledgerline.domain.project.BillingMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A PATCH of a project. A field absent from the body stays as it is; a field given as {@code null} is cleared
 * (code, hourly rate, budget, dates). Records cannot tell the two apart, so the setters note what was sent. A changed
 * hourly rate applies from {@code hourlyRateEffectiveFrom} on, so work before that date keeps its rate.
 */
class ProjectChange extends PatchBody {

    @Size(min = 1, max = 200)
    private String name;
    @Size(max = 64)
    private String code;
    private BillingMethod billingMethod;
    @DecimalMin("0") @Digits(integer = 13, fraction = 4)
    private BigDecimal hourlyRate;
    @Valid
    private BudgetBody budget;
    private LocalDate startDate;
    private LocalDate endDate;
    private LocalDate hourlyRateEffectiveFrom;

    String name() {
        return name;
    }

    String code() {
        return code;
    }

    BillingMethod billingMethod() {
        return billingMethod;
    }

    BigDecimal hourlyRate() {
        return hourlyRate;
    }

    BudgetBody budget() {
        return budget;
    }

    LocalDate startDate() {
        return startDate;
    }

    LocalDate endDate() {
        return endDate;
    }

    /**
     * The date a changed hourly rate applies from; absent: today in the organization's time zone; {@code null}:
     * since always.
     */
    LocalDate hourlyRateEffectiveFrom() {
        return hourlyRateEffectiveFrom;
    }

    /** Only the rate and the billing method (non-billable drops the rate) change the rate. */
    boolean changesRate() {
        return has("hourlyRate") || has("billingMethod");
    }

    public void setName(String name) {
        this.name = name;
        given("name", name);
    }

    public void setCode(String code) {
        this.code = code;
        given("code", code);
    }

    public void setBillingMethod(BillingMethod billingMethod) {
        this.billingMethod = billingMethod;
        given("billingMethod", billingMethod);
    }

    public void setHourlyRate(BigDecimal hourlyRate) {
        this.hourlyRate = hourlyRate;
        given("hourlyRate", hourlyRate);
    }

    public void setBudget(BudgetBody budget) {
        this.budget = budget;
        given("budget", budget);
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
        given("startDate", startDate);
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
        given("endDate", endDate);
    }

    public void setHourlyRateEffectiveFrom(LocalDate hourlyRateEffectiveFrom) {
        this.hourlyRateEffectiveFrom = hourlyRateEffectiveFrom;
        given("hourlyRateEffectiveFrom", hourlyRateEffectiveFrom);
    }
}
