package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveTimesheet(UUID orgId, @TargetAggregateIdentifier UUID timesheetId, UUID memberId,
                               UUID approvedBy) implements OrgScoped {
}
