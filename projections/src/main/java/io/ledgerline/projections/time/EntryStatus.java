package io.ledgerline.projections.time;

import io.ledgerline.domain.time.TimesheetStatus;

/**
 * Where a time entry stands, from its week and its invoice, strongest first: invoiced, approved, submitted, open.
 * A rejected week's entries are open again.
 */
public enum EntryStatus {
    OPEN,
    SUBMITTED,
    APPROVED,
    INVOICED;

    static EntryStatus of(boolean invoiced, String weekStatus) {
        if (invoiced) {
            return INVOICED;
        }
        if (TimesheetStatus.APPROVED.name().equals(weekStatus)) {
            return APPROVED;
        }
        if (TimesheetStatus.SUBMITTED.name().equals(weekStatus)) {
            return SUBMITTED;
        }
        return OPEN;
    }
}
