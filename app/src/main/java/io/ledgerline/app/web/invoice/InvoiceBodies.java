package io.ledgerline.app.web.invoice;

import io.ledgerline.domain.invoice.LineGrouping;
import io.ledgerline.domain.invoice.PaymentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of invoice writes. */
final class InvoiceBodies {

    private InvoiceBodies() {
    }

    /**
     * A new draft. With a period, the client's approved, unbilled time and expenses dated within it (of the listed
     * projects, or all) become its lines; {@code lines} adds manual ones.
     */
    record NewInvoice(@NotNull UUID clientId,
                      @Size(max = 100) List<@NotNull UUID> projectIds,
                      LocalDate periodStart,
                      LocalDate periodEnd,
                      LineGrouping grouping,
                      @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
                      @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal taxRate,
                      LocalDate issueDate,
                      LocalDate dueDate,
                      @Size(max = 5000) String notes,
                      @Size(max = 500) List<@NotNull @Valid ManualLine> lines) {
    }

    record ManualLine(@NotBlank @Size(max = 500) String description,
                      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 4)
                      BigDecimal quantity,
                      @NotNull @Digits(integer = 13, fraction = 4) BigDecimal unitPrice) {
    }

    /** Any of a line's fields; absent ones stay. A work line's quantity cannot change. */
    record LineChange(@Size(min = 1, max = 500) String description,
                      @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 4)
                      BigDecimal quantity,
                      @Digits(integer = 13, fraction = 4) BigDecimal unitPrice) {

        boolean isEmpty() {
            return description == null && quantity == null && unitPrice == null;
        }
    }

    /** Any of a draft's terms; absent ones stay, blank notes clear them. */
    record TermsChange(LocalDate issueDate,
                       LocalDate dueDate,
                       @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal taxRate,
                       @Size(max = 5000) String notes) {

        boolean isEmpty() {
            return issueDate == null && dueDate == null && taxRate == null && notes == null;
        }
    }

    record Voiding(@NotBlank @Size(max = 500) String reason) {
    }

    record Payment(@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 4)
                   BigDecimal amount,
                   @NotNull LocalDate date,
                   @NotNull PaymentMethod method,
                   @Size(max = 200) String reference) {
    }
}
