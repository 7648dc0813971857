package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** The entry after the change, in full, and the date and minutes it had before (the days' totals move with it). */
public record TimeEntryChanged(UUID orgId, UUID entryId, UUID memberId, UUID projectId, UUID taskId, UUID clientId,
                               LocalDate workDate, LocalTime startTime, LocalTime endTime, int minutes,
                               String description, boolean billable, String jiraIssueKey,
                               LocalDate previousWorkDate, int previousMinutes) implements OrgScoped {
}
