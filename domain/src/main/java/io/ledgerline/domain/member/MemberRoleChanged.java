package io.ledgerline.domain.member;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record MemberRoleChanged(UUID orgId, UUID memberId, Role role, Role previousRole) implements OrgScoped {
}
