package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records time a member worked on a project on a business date: from a start to an end time, or as a number of
 * minutes, or both when they agree.
 *
 * @param taskId   optional
 * @param billable {@code null} for the project's and task's default
 * @param source   {@code null} for {@link EntrySource#MANUAL}
 */
public record LogTime(UUID orgId, @TargetAggregateIdentifier UUID entryId, UUID memberId, UUID projectId,
                      UUID taskId, LocalDate workDate, LocalTime startTime, LocalTime endTime, Integer minutes,
                      String description, Boolean billable, String jiraIssueKey, EntrySource source)
        implements OrgScoped {
}
