package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

public record TimeLogged(UUID orgId, UUID entryId, UUID memberId, UUID projectId, UUID taskId, UUID clientId,
                         LocalDate workDate, LocalTime startTime, LocalTime endTime, int minutes, String description,
                         boolean billable, String jiraIssueKey, EntrySource source) implements OrgScoped {
}
