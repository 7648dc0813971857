package io.ledgerline.domain.qbo;

/** What is done to an invoice's QuickBooks copy, and retried when it had to wait. */
public enum QboInvoiceAction {
    PUSH,
    VOID
}
