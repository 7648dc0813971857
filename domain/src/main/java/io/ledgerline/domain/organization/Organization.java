package io.ledgerline.domain.organization;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A services firm using Ledgerline: its profile, billing defaults, security policy and ledger lock. */
@Aggregate
public class Organization {

    static final int MAX_LOCK_REASON_LENGTH = 500;

    @AggregateIdentifier
    private UUID orgId;
    private String name;
    private ZoneId timeZone;
    private Currency currency;
    private BillingDefaults billingDefaults;
    private boolean mfaRequired;
    private LocalDate ledgerLockedThrough;

    protected Organization() {
        // for Axon
    }

    @CommandHandler
    public Organization(RegisterOrganization command) {
        String name = requireName(command.name());
        apply(new OrganizationRegistered(command.orgId(), name, command.timeZone(), command.currency(),
                BillingDefaults.standard(command.currency()), command.ownerMemberId()));
    }

    @CommandHandler
    public void handle(UpdateOrganization command) {
        String newName = command.name() == null ? name : requireName(command.name());
        ZoneId newZone = command.timeZone() == null ? timeZone : command.timeZone();
        Currency newCurrency = command.currency() == null ? currency : command.currency();
        if (!newName.equals(name) || !newZone.equals(timeZone) || !newCurrency.equals(currency)) {
            apply(new OrganizationProfileChanged(orgId, newName, newZone, newCurrency));
        }
        if (command.billingDefaults() != null) {
            BillingDefaults merged = merge(billingDefaults, command.billingDefaults());
            if (!merged.equals(billingDefaults)) {
                apply(new BillingDefaultsChanged(orgId, merged));
            }
        }
        if (command.mfaRequired() != null && command.mfaRequired() != mfaRequired) {
            apply(new MfaRequirementChanged(orgId, command.mfaRequired()));
        }
    }

    @CommandHandler
    public void handle(LockLedger command) {
        String reason = Names.tidy(command.reason());
        if (reason == null) {
            throw BusinessRuleViolation.unprocessable("ledger.reason_required",
                    "Say why the ledger is locked or unlocked; the reason stays in its history.");
        }
        if (reason.length() > MAX_LOCK_REASON_LENGTH) {
            throw BusinessRuleViolation.unprocessable("ledger.reason_too_long",
                    "A reason has at most " + MAX_LOCK_REASON_LENGTH + " characters.");
        }
        LocalDate through = command.through();
        if (Objects.equals(through, ledgerLockedThrough)) {
            return;
        }
        if (through != null && (ledgerLockedThrough == null || through.isAfter(ledgerLockedThrough))) {
            apply(new LedgerLocked(orgId, through, ledgerLockedThrough, reason));
        } else {
            apply(new LedgerUnlocked(orgId, ledgerLockedThrough, through, reason));
        }
    }

    private static BillingDefaults merge(BillingDefaults current, BillingDefaults change) {
        return new BillingDefaults(
                Objects.requireNonNullElse(change.paymentTermsDays(), current.paymentTermsDays()),
                Objects.requireNonNullElse(change.currency(), current.currency()),
                Objects.requireNonNullElse(change.taxRate(), current.taxRate()));
    }

    private static String requireName(String raw) {
        String tidy = Names.tidy(raw);
        if (tidy == null) {
            throw BusinessRuleViolation.unprocessable("organization.name_required", "An organization needs a name.");
        }
        return tidy;
    }

    @EventSourcingHandler
    void on(OrganizationRegistered event) {
        orgId = event.orgId();
        name = event.name();
        timeZone = event.timeZone();
        currency = event.currency();
        billingDefaults = event.billingDefaults();
    }

    @EventSourcingHandler
    void on(OrganizationProfileChanged event) {
        name = event.name();
        timeZone = event.timeZone();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(BillingDefaultsChanged event) {
        billingDefaults = event.billingDefaults();
    }

    @EventSourcingHandler
    void on(MfaRequirementChanged event) {
        mfaRequired = event.mfaRequired();
    }

    @EventSourcingHandler
    void on(LedgerLocked event) {
        ledgerLockedThrough = event.through();
    }

    @EventSourcingHandler
    void on(LedgerUnlocked event) {
        ledgerLockedThrough = event.through();
    }
}
