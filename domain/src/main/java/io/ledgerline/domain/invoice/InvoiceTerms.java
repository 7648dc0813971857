package io.ledgerline.domain.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/** @param taxRate percent, for example 19 or 8.875 */
public record InvoiceTerms(LocalDate issueDate, LocalDate dueDate, BigDecimal taxRate, String notes) {
}
