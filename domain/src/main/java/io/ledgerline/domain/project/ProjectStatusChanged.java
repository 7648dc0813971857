package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ProjectStatusChanged(UUID orgId, UUID projectId, UUID clientId, ProjectStatus status,
                                   ProjectStatus previousStatus) implements OrgScoped {
}
