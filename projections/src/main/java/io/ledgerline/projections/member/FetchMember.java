package io.ledgerline.projections.member;

import java.util.UUID;

public record FetchMember(UUID orgId, UUID memberId) {
}
