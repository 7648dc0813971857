package io.ledgerline.domain.invoice;

import io.ledgerline.domain.client.PostalAddress;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * Who an invoice is made out to: the client's name and billing settings as they were when the draft was created.
 * Kept on the invoice, so later changes to the client never rewrite an invoice.
 *
 * @param taxRate          the client's tax rate in percent, for example 8.875
 * @param paymentTermsDays days from the issue date to the due date
 */
public record BillTo(String name, String contactName, String email, PostalAddress address, String taxId,
                     Currency currency, Integer paymentTermsDays, BigDecimal taxRate) {
}
