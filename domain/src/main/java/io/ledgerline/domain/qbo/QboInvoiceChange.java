package io.ledgerline.domain.qbo;

/** What QuickBooks reported about a linked invoice that Ledgerline acts on. */
public enum QboInvoiceChange {
    /** Voided in QuickBooks: the invoice is voided here too. */
    VOIDED,
    /** Deleted in QuickBooks: marked, never re-pushed automatically. */
    DELETED,
    /** Voided in QuickBooks, but the invoice has payments here and cannot be voided: an admin must decide. */
    VOID_REFUSED
}
