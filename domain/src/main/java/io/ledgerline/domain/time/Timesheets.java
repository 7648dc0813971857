package io.ledgerline.domain.time;

import java.time.LocalDate;
import java.util.UUID;

/** Where each member's week stands, on the command side. */
public interface Timesheets {

    /**
     * The week's status ({@link TimesheetStatus#OPEN} for a week never submitted). Asking holds the week until the
     * command's transaction ends, so a submission of the week waits for the command instead of missing its time.
     */
    TimesheetStatus holdWeek(UUID orgId, UUID memberId, LocalDate weekStart);
}
