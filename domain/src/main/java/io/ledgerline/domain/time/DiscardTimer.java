package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Throws the running timer away without logging anything (it ran by mistake, or far too long to be true). */
public record DiscardTimer(UUID orgId, @TargetAggregateIdentifier UUID timerId) implements OrgScoped {
}
