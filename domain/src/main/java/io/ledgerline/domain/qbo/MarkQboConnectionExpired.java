package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Intuit refused the connection's tokens for good; {@code reason} says how, without any token. */
public record MarkQboConnectionExpired(UUID orgId, @TargetAggregateIdentifier UUID connectionId, String realmId,
                                       String reason) implements OrgScoped {
}
