package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** See {@link QboChangesPulled}. */
public record RecordQboChangesPulled(UUID orgId, @TargetAggregateIdentifier UUID connectionId, String realmId,
                                     Instant changedSince, Instant checkpoint, int changeCount, boolean saturated,
                                     boolean fullResync) implements OrgScoped {
}
