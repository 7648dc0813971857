package io.ledgerline.projections.client;

import io.ledgerline.domain.client.NoteType;
import io.ledgerline.projections.shared.Window;
import java.util.UUID;

/** A client's notes, newest first; {@code type} null lists every type. */
public record FindClientNotes(UUID orgId, UUID clientId, NoteType type, Window window) {
}
