package io.ledgerline.projections.client;

import java.util.UUID;

public record FetchClient(UUID orgId, UUID clientId) {
}
