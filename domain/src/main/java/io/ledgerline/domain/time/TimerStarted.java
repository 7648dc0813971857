package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.Instant;
import java.util.UUID;

/** @param billable as asked for; {@code null}: the project's and task's default when the timer is stopped */
public record TimerStarted(UUID orgId, UUID timerId, UUID memberId, UUID projectId, UUID taskId, String description,
                           Boolean billable, String jiraIssueKey, Instant startedAt) implements OrgScoped {
}
