package io.ledgerline.domain.member;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The authenticator was confirmed with a valid code. The shared secret itself never enters a message. */
public record RecordMfaEnrolment(UUID orgId, @TargetAggregateIdentifier UUID memberId) implements OrgScoped {
}
