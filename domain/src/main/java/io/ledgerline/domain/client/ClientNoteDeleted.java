package io.ledgerline.domain.client;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ClientNoteDeleted(UUID orgId, UUID clientId, UUID noteId) implements OrgScoped {
}
