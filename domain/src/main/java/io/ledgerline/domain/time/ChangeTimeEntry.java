package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces what an entry records (the web layer merges a PATCH onto the entry first). Its member and its source
 * never change.
 *
 * @param billable {@code null} for the project's and task's default
 */
public record ChangeTimeEntry(UUID orgId, @TargetAggregateIdentifier UUID entryId, UUID projectId, UUID taskId,
                              LocalDate workDate, LocalTime startTime, LocalTime endTime, Integer minutes,
                              String description, Boolean billable, String jiraIssueKey) implements OrgScoped {
}
