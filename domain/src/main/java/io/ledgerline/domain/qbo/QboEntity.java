package io.ledgerline.domain.qbo;

/** What a Ledgerline record is kept in step with in QuickBooks. */
public enum QboEntity {
    /** A client, kept as a QuickBooks Customer. */
    CUSTOMER,
    /** A finalized invoice, pushed as a QuickBooks Invoice. */
    INVOICE,
    /** A payment made in QuickBooks, brought back onto a Ledgerline invoice. */
    PAYMENT
}
