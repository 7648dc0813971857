package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hands a member's week in for approval. The timesheet id is {@link Timesheet#idOf derived} from the week.
 *
 * @param submittedBy the member themself, or someone who manages others' time
 */
public record SubmitTimesheet(UUID orgId, @TargetAggregateIdentifier UUID timesheetId, UUID memberId,
                              LocalDate weekStart, UUID submittedBy) implements OrgScoped {
}
