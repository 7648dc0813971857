package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record TaskReactivated(UUID orgId, UUID projectId, UUID taskId) implements OrgScoped {
}
