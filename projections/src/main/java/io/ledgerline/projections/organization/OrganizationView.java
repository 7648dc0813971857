package io.ledgerline.projections.organization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record OrganizationView(UUID id, String name, String timeZone, String currency, BillingDefaultsView billingDefaults,
                               boolean mfaRequired, Instant createdAt, long version) {

    public record BillingDefaultsView(Integer paymentTermsDays, String currency, BigDecimal taxRate) {
    }
}
