package io.ledgerline.domain.client;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ClientNoteAdded(UUID orgId, UUID clientId, UUID noteId, NoteType type, String body, UUID authorId) implements OrgScoped {
}
