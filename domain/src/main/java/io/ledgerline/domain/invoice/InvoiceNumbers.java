package io.ledgerline.domain.invoice;

import java.util.UUID;

/**
 * The organization's invoice number sequence. The next number is taken inside the finalizing transaction and is
 * held until it commits: concurrent finalizations wait for each other, and a finalization that fails gives its
 * number back. So numbers are unique and leave no gaps.
 */
public interface InvoiceNumbers {

    /** The next number of the organization's sequence, starting at 1. */
    long next(UUID orgId);

    /** How a number is written on the invoice: {@code INV-000042}. */
    static String format(long number) {
        return String.format(java.util.Locale.ROOT, "INV-%06d", number);
    }
}
