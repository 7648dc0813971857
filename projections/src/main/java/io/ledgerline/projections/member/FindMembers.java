package io.ledgerline.projections.member;

import io.ledgerline.projections.shared.Window;
import java.util.UUID;

/** Members of an organization by name; {@code active} null lists everyone. */
public record FindMembers(UUID orgId, Boolean active, Window window) {
}
