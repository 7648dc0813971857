package io.ledgerline.projections.time;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's timer. While it runs, what it runs for and since when; {@code version} is absent for a member who
 * never started one.
 *
 * @param billable as asked for when started; absent: the project's and task's default applies when stopped
 */
public record TimerView(UUID id, boolean running, UUID projectId, String projectName, UUID taskId, String taskName,
                        String description, Boolean billable, String jiraIssueKey, Instant startedAt, Long version) {
}
