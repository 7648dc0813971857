package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record TaskDeactivated(UUID orgId, UUID projectId, UUID taskId) implements OrgScoped {
}
