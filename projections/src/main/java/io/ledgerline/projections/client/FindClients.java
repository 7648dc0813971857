package io.ledgerline.projections.client;

import io.ledgerline.projections.shared.Window;
import java.util.UUID;

/**
 * Clients of an organization by name.
 *
 * @param search part of the name or code, case-insensitive; {@code null} for no search
 * @param tag    a tag the client must have, case-insensitive; {@code null} for any
 */
public record FindClients(UUID orgId, ClientStatusFilter status, String search, String tag, Window window) {
}
