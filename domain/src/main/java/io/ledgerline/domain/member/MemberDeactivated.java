package io.ledgerline.domain.member;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record MemberDeactivated(UUID orgId, UUID memberId) implements OrgScoped {
}
