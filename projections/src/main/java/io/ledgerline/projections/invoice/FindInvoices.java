package io.ledgerline.projections.invoice;

import io.ledgerline.domain.invoice.InvoiceStatus;
import io.ledgerline.projections.shared.Window;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Invoices of an organization, newest issue date first. Every filter may be {@code null}: {@code from} and
 * {@code to} bound the issue date (both included); {@code search} is part of the invoice number.
 */
public record FindInvoices(UUID orgId, UUID clientId, InvoiceStatus status, LocalDate from, LocalDate to,
                           String search, Window window) {
}
