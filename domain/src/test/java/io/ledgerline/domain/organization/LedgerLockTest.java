package io.ledgerline.domain.organization;

import static io.ledgerline.domain.shared.Violations.violation;

import io.ledgerline.domain.shared.BusinessRuleViolation.Kind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The organization's ledger lock: moved forward it locks, moved back (or lifted) it unlocks, always with a reason. */
class LedgerLockTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate MARCH_END = LocalDate.of(2026, 3, 31);
    private static final LocalDate APRIL_END = LocalDate.of(2026, 4, 30);

    private final UUID orgId = UUID.randomUUID();
    private AggregateTestFixture<Organization> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Organization.class);
    }

    private OrganizationRegistered registered() {
        return new OrganizationRegistered(orgId, "Acme", ZoneId.of("Europe/Berlin"), EUR,
                BillingDefaults.standard(EUR), UUID.randomUUID());
    }

    private LedgerLocked lockedThroughMarch() {
        return new LedgerLocked(orgId, MARCH_END, null, "March is closed");
    }

    @Test
    void locksTheLedgerThroughADate() {
        fixture.given(registered())
                .when(new LockLedger(orgId, MARCH_END, "  March is closed "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(lockedThroughMarch());
    }

    @Test
    void aLaterDateLocksMoreAndNamesTheOneBefore() {
        fixture.given(registered(), lockedThroughMarch())
                .when(new LockLedger(orgId, APRIL_END, "April is closed"))
                .expectEvents(new LedgerLocked(orgId, APRIL_END, MARCH_END, "April is closed"));
    }

    @Test
    void anEarlierDateUnlocksTheDaysInBetween() {
        fixture.given(registered(), lockedThroughMarch())
                .when(new LockLedger(orgId, LocalDate.of(2026, 2, 28), "March needs a correction"))
                .expectEvents(new LedgerUnlocked(orgId, MARCH_END, LocalDate.of(2026, 2, 28),
                        "March needs a correction"));
    }

    @Test
    void noDateLiftsTheLockAltogether() {
        fixture.given(registered(), lockedThroughMarch())
                .when(new LockLedger(orgId, null, "Audit finished"))
                .expectEvents(new LedgerUnlocked(orgId, MARCH_END, null, "Audit finished"));
    }

    @Test
    void theSameDateAgainRecordsNothing() {
        fixture.given(registered(), lockedThroughMarch())
                .when(new LockLedger(orgId, MARCH_END, "Again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered())
                .when(new LockLedger(orgId, null, "Nothing was locked"))
                .expectNoEvents();
    }

    @Test
    void lockingOrUnlockingNeedsAReason() {
        fixture.given(registered())
                .when(new LockLedger(orgId, MARCH_END, " "))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "ledger.reason_required"));
        fixture.given(registered(), lockedThroughMarch())
                .when(new LockLedger(orgId, null, null))
                .expectException(violation(Kind.UNPROCESSABLE, "ledger.reason_required"));
        fixture.given(registered())
                .when(new LockLedger(orgId, MARCH_END, "x".repeat(501)))
                .expectException(violation(Kind.UNPROCESSABLE, "ledger.reason_too_long"));
    }
}
