package io.ledgerline.domain.organization;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record BillingDefaultsChanged(UUID orgId, BillingDefaults billingDefaults) implements OrgScoped {
}
