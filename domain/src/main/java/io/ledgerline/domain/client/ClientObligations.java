package io.ledgerline.domain.client;

import java.util.UUID;

/** What still ties a client down: a client with active projects cannot be deleted. */
public interface ClientObligations {

    long activeProjects(UUID orgId, UUID clientId);
}
