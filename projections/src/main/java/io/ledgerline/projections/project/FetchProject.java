package io.ledgerline.projections.project;

import java.util.UUID;

public record FetchProject(UUID orgId, UUID projectId) {
}
