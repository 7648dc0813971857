package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends a submitted week back to its member, with the reason why; the week opens for changes again. */
public record RejectTimesheet(UUID orgId, @TargetAggregateIdentifier UUID timesheetId, UUID memberId,
                              UUID rejectedBy, String reason) implements OrgScoped {
}
