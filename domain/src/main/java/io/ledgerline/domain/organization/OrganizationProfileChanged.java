package io.ledgerline.domain.organization;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

public record OrganizationProfileChanged(UUID orgId, String name, ZoneId timeZone, Currency currency)
        implements OrgScoped {
}
