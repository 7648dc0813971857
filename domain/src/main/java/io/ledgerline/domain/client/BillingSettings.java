package io.ledgerline.domain.client;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Where and how a client is invoiced. Changes apply to invoices created afterwards; an invoice snapshots the
 * settings in force when it was created.
 *
 * @param taxRate percent, for example 8.875
 */
public record BillingSettings(String contactName, String email, PostalAddress address, Currency currency,
                              Integer paymentTermsDays, BigDecimal taxRate, String taxId) {
}
