package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.util.UUID;

public record TaskAdded(UUID orgId, UUID projectId, UUID taskId, String name, boolean billable,
                        BigDecimal rateOverride) implements OrgScoped {
}
