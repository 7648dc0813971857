package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * @param entryId  the time entry logged for the timer's run
 * @param workDate the date the timer started on, in the organization's time zone
 * @param minutes  the run in whole minutes, rounded half up, at least one
 */
public record TimerStopped(UUID orgId, UUID timerId, UUID memberId, UUID entryId, UUID projectId, UUID taskId,
                           String description, Boolean billable, String jiraIssueKey, Instant startedAt,
                           Instant stoppedAt, LocalDate workDate, int minutes) implements OrgScoped {
}
