package io.ledgerline.domain.member;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record MemberAdded(UUID orgId, UUID memberId, String email, String name, Role role) implements OrgScoped {
}
