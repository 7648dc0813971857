package io.ledgerline.domain.time;

/** Where a member's week stands. Only a submitted or approved week keeps its time from being changed. */
public enum TimesheetStatus {
    OPEN,
    SUBMITTED,
    APPROVED,
    /** Sent back with a reason: open for changes again, and to be submitted anew. */
    REJECTED;

    public boolean locksTime() {
        return this == SUBMITTED || this == APPROVED;
    }
}
