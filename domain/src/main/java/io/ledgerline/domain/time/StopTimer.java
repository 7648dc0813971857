package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Stops the member's timer, if it runs; the handler answers the {@link TimerStopped} event (or {@code null} when
 * no timer ran), from which the time entry {@code entryId} is logged in the same transaction.
 */
public record StopTimer(UUID orgId, @TargetAggregateIdentifier UUID timerId, UUID entryId, Instant stoppedAt)
        implements OrgScoped {
}
