package io.ledgerline.domain.client;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ClientActivated(UUID orgId, UUID clientId) implements OrgScoped {
}
