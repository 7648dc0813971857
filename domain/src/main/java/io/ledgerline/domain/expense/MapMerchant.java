package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets the project and/or category that new expenses at this merchant get when they leave them out, replacing
 * the merchant's earlier mapping. {@code mappingId} is {@link MerchantMapping#idFor} of the organization and
 * merchant, so a merchant has one mapping however it is spelled.
 */
public record MapMerchant(UUID orgId, @TargetAggregateIdentifier UUID mappingId, String merchant, UUID projectId,
                          UUID categoryId) implements OrgScoped {
}
