package io.ledgerline.projections.qbo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A QuickBooks invoice imported for reporting, as QuickBooks had it.
 *
 * @param status {@code paid}, {@code partial}, {@code unpaid} or {@code voided}, from QuickBooks' balance
 */
public record QboImportedInvoiceView(String realmId, String qboInvoiceId, String docNumber, String qboCustomerId,
                                     UUID clientId, LocalDate txnDate, LocalDate dueDate, BigDecimal total,
                                     BigDecimal balance, String currency, String status, Instant qboUpdatedAt,
                                     long version) {

    /** What QuickBooks' amounts say about the invoice: its balance is the truth, whatever was paid or credited. */
    public static String statusOf(BigDecimal total, BigDecimal balance, boolean voided) {
        if (voided) {
            return "voided";
        }
        if (balance.signum() <= 0) {
            return "paid";
        }
        return balance.compareTo(total) < 0 ? "partial" : "unpaid";
    }
}
