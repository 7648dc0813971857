package io.ledgerline.domain.client;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/** The client and everything under it leave every read model; its history stays in the event store. */
public record ClientDeleted(UUID orgId, UUID clientId) implements OrgScoped {
}
