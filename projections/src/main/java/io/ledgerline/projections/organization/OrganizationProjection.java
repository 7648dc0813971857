package io.ledgerline.projections.organization;

import io.ledgerline.domain.organization.BillingDefaultsChanged;
import io.ledgerline.domain.organization.LedgerLocked;
import io.ledgerline.domain.organization.LedgerUnlocked;
import io.ledgerline.domain.organization.MfaRequirementChanged;
import io.ledgerline.domain.organization.OrganizationProfileChanged;
import io.ledgerline.domain.organization.OrganizationRegistered;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organization read model. Writes join Axon's transaction (the token moves with the row), and every update
 * is guarded by the version so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(OrganizationProjection.GROUP)
public class OrganizationProjection {

    public static final String GROUP = "organizations";

    private final JdbcTemplate jdbc;

    public OrganizationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganizationRegistered event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO organization_view (org_id, name, time_zone, currency, default_payment_terms,
                            default_billing_currency, default_tax_rate, mfa_required, created_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?) ON CONFLICT (org_id) DO NOTHING""",
                event.orgId(), event.name(), event.timeZone().getId(), event.currency().getCurrencyCode(),
                event.billingDefaults().paymentTermsDays(), event.billingDefaults().currency().getCurrencyCode(),
                event.billingDefaults().taxRate(), java.sql.Timestamp.from(at), version);
    }

    @EventHandler
    void on(OrganizationProfileChanged event, @SequenceNumber long version) {
        jdbc.update("""
                        UPDATE organization_view SET name = ?, time_zone = ?, currency = ?, version = ?
                        WHERE org_id = ? AND version < ?""",
                event.name(), event.timeZone().getId(), event.currency().getCurrencyCode(), version, event.orgId(),
                version);
    }

    @EventHandler
    void on(BillingDefaultsChanged event, @SequenceNumber long version) {
        jdbc.update("""
                        UPDATE organization_view SET default_payment_terms = ?, default_billing_currency = ?,
                            default_tax_rate = ?, version = ?
                        WHERE org_id = ? AND version < ?""",
                event.billingDefaults().paymentTermsDays(), event.billingDefaults().currency().getCurrencyCode(),
                event.billingDefaults().taxRate(), version, event.orgId(), version);
    }

    @EventHandler
    void on(MfaRequirementChanged event, @SequenceNumber long version) {
        jdbc.update("UPDATE organization_view SET mfa_required = ?, version = ? WHERE org_id = ? AND version < ?",
                event.mfaRequired(), version, event.orgId(), version);
    }

    /** The lock is part of the organization: its events move the version the organization's ETag shows. */
    @EventHandler
    void on(LedgerLocked event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        storeLedgerLock(event.orgId(), event.through(), event.reason(), at, version);
    }

    @EventHandler
    void on(LedgerUnlocked event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        storeLedgerLock(event.orgId(), event.through(), event.reason(), at, version);
    }

    private void storeLedgerLock(UUID orgId, LocalDate through, String reason, Instant at, long version) {
        jdbc.update("""
                        UPDATE organization_view SET ledger_locked_through = ?, ledger_lock_reason = ?,
                            ledger_lock_changed_at = ?, version = ?
                        WHERE org_id = ? AND version < ?""",
                through == null ? null : java.sql.Date.valueOf(through), reason, java.sql.Timestamp.from(at),
                version, orgId, version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM organization_view");
    }
}
