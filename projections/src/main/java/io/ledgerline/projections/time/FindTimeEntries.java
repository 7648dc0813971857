package io.ledgerline.projections.time;

import io.ledgerline.projections.shared.Window;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An organization's time entries, newest date first. Every filter is optional ({@code null}: not filtered);
 * {@code from} and {@code to} are inclusive business dates.
 */
public record FindTimeEntries(UUID orgId, LocalDate from, LocalDate to, UUID memberId, UUID projectId, UUID clientId,
                              Boolean billable, EntryStatus status, Window window) {
}
