package io.ledgerline.domain.time;

/** What keeps a time entry from being changed, strongest first. */
public enum EntryLock {
    /** A finalized invoice bills it. */
    INVOICED,
    /** Its date is on or before the date the organization's ledger is locked through. */
    LOCKED,
    /** Its week is approved. */
    APPROVED,
    /** Its week is submitted for approval. */
    SUBMITTED
}
