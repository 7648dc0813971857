package io.ledgerline.domain.member;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReactivateMember(UUID orgId, @TargetAggregateIdentifier UUID memberId) implements OrgScoped {
}
