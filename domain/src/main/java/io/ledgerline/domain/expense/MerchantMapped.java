package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/** The mapping as it now stands: the merchant as last spelled, and the defaults it gives (either may be absent). */
public record MerchantMapped(UUID orgId, UUID mappingId, String merchant, UUID projectId, UUID categoryId)
        implements OrgScoped {
}
