package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record MerchantUnmapped(UUID orgId, UUID mappingId, String merchant) implements OrgScoped {
}
