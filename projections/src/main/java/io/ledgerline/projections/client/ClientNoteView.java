package io.ledgerline.projections.client;

import java.time.Instant;
import java.util.UUID;

public record ClientNoteView(UUID id, String type, String body, UUID authorId, Instant createdAt, Instant updatedAt,
                             long version) {
}
