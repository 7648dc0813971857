package io.ledgerline.domain.member;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddMember(UUID orgId, @TargetAggregateIdentifier UUID memberId, String email, String name, Role role)
        implements OrgScoped {
}
