package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts the member's timer (its id is {@link Timer#idOf derived} from the member) on a project and maybe a task.
 *
 * @param billable  {@code null} for the project's and task's default when the timer is stopped
 * @param startedAt read from the server's clock
 */
public record StartTimer(UUID orgId, @TargetAggregateIdentifier UUID timerId, UUID memberId, UUID projectId,
                         UUID taskId, String description, Boolean billable, String jiraIssueKey, Instant startedAt)
        implements OrgScoped {
}
