package io.ledgerline.domain.organization;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

public record OrganizationRegistered(UUID orgId, String name, ZoneId timeZone, Currency currency,
                                     BillingDefaults billingDefaults, UUID ownerMemberId) implements OrgScoped {
}
