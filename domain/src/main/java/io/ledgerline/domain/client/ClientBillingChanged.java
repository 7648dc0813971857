package io.ledgerline.domain.client;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.Instant;
import java.util.UUID;

/** @param effectiveFrom from when invoices use the new settings (invoices created earlier keep the old ones) */
public record ClientBillingChanged(UUID orgId, UUID clientId, BillingSettings billing, Instant effectiveFrom)
        implements OrgScoped {
}
