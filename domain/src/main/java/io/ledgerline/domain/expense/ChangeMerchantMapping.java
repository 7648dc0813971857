package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces an existing mapping's project and category ({@code null}: the mapping sets none). */
public record ChangeMerchantMapping(UUID orgId, @TargetAggregateIdentifier UUID mappingId, UUID projectId,
                                    UUID categoryId) implements OrgScoped {
}
