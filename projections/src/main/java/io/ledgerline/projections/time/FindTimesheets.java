package io.ledgerline.projections.time;

import io.ledgerline.domain.time.TimesheetStatus;
import io.ledgerline.projections.shared.Window;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Submitted weeks (and what became of them), newest week first: the approval queue with {@code SUBMITTED}. Every
 * filter is optional; {@code from} and {@code to} bound the weeks' Mondays, inclusive.
 */
public record FindTimesheets(UUID orgId, TimesheetStatus status, UUID memberId, LocalDate from, LocalDate to,
                             Window window) {
}
