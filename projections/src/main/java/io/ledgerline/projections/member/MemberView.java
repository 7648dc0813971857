package io.ledgerline.projections.member;

import java.time.Instant;
import java.util.UUID;

public record MemberView(UUID id, String email, String name, String role, boolean active, boolean mfaEnrolled,
                         Instant joinedAt, long version) {
}
