package io.ledgerline.domain.qbo;

/** Why an invoice is pushed or voided in QuickBooks: decides whether a refusal is an answer or a log entry. */
public enum QboInvoiceTrigger {
    /** Somebody asked for it now: a rule it breaks is answered to them (409), nothing is recorded. */
    MANUAL,
    /** Finalizing or voiding the invoice here: a rule it breaks is recorded in the sync log for an admin. */
    AUTOMATIC,
    /** A scheduled retry of a deferred attempt. */
    RETRY,
    /** A force resync carrying out its plan. */
    RESYNC
}
