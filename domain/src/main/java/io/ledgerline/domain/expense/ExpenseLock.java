package io.ledgerline.domain.expense;

/** What kept an expense from being changed when an admin unlocked it. */
public enum ExpenseLock {
    SUBMITTED,
    APPROVED,
    INVOICED
}
