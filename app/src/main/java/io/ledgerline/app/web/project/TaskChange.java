package io.ledgerline.app.web.project;

import io.ledgerline.app.web.PatchBody;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A PATCH of a task: absent fields stay; {@code rateOverride: null} clears the task's own rate so the project's
 * applies. Records cannot tell absent from null, so the setters note what was sent. A changed rate override applies
 * from {@code rateEffectiveFrom} on, so work before that date keeps its rate.
 */
class TaskChange extends PatchBody {

    @Size(min = 1, max = 200)
    private String name;
    private Boolean billable;
    @DecimalMin("0") @Digits(integer = 13, fraction = 4)
    private BigDecimal rateOverride;
    private LocalDate rateEffectiveFrom;

    String name() {
        return name;
    }

    Boolean billable() {
        return billable;
    }

    BigDecimal rateOverride() {
        return rateOverride;
    }

    /**
     * The date a changed rate override applies from; absent: today in the organization's time zone; {@code null}:
     * since always.
     */
    LocalDate rateEffectiveFrom() {
        return rateEffectiveFrom;
    }

    public void setName(String name) {
        this.name = name;
        given("name", name);
    }

    public void setBillable(Boolean billable) {
        this.billable = billable;
        given("billable", billable);
    }

    public void setRateOverride(BigDecimal rateOverride) {
        this.rateOverride = rateOverride;
        given("rateOverride", rateOverride);
    }

    public void setRateEffectiveFrom(LocalDate rateEffectiveFrom) {
        this.rateEffectiveFrom = rateEffectiveFrom;
        given("rateEffectiveFrom", rateEffectiveFrom);
    }
}
