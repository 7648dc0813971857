package io.ledgerline.domain.organization;

import static io.ledgerline.domain.shared.Violations.violation;

import io.ledgerline.domain.shared.BusinessRuleViolation.Kind;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");

    private final UUID orgId = UUID.randomUUID();
    private final UUID ownerId = UUID.randomUUID();
    private AggregateTestFixture<Organization> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Organization.class);
    }

    private OrganizationRegistered registered() {
        return new OrganizationRegistered(orgId, "Acme", BERLIN, EUR, BillingDefaults.standard(EUR), ownerId);
    }

    private UpdateOrganization update(String name, ZoneId zone, Currency currency, BillingDefaults billing,
                                      Boolean mfaRequired) {
        return new UpdateOrganization(orgId, name, zone, currency, billing, mfaRequired);
    }

    @Test
    void registeringStartsWithTidyNameAndStandardBillingDefaults() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganization(orgId, "  Acme  ", BERLIN, EUR, ownerId))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void anOrganizationNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganization(orgId, "   ", BERLIN, EUR, ownerId))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "organization.name_required"));
    }

    @Test
    void renamingChangesTheProfileAndKeepsWhatWasNotGiven() {
        fixture.given(registered())
                .when(update(" Acme Consulting ", null, null, null, null))
                .expectEvents(new OrganizationProfileChanged(orgId, "Acme Consulting", BERLIN, EUR));
    }

    @Test
    void changingTimeZoneAndCurrencyChangesTheProfile() {
        ZoneId newYork = ZoneId.of("America/New_York");
        fixture.given(registered())
                .when(update(null, newYork, USD, null, null))
                .expectEvents(new OrganizationProfileChanged(orgId, "Acme", newYork, USD));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(registered())
                .when(update("Acme", BERLIN, EUR, BillingDefaults.standard(EUR), false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEmptyUpdateRecordsNothing() {
        fixture.given(registered())
                .when(update(null, null, null, null, null))
                .expectNoEvents();
    }

    @Test
    void aBlankNewNameIsRefused() {
        fixture.given(registered())
                .when(update(" ", null, null, null, null))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "organization.name_required"));
    }

    @Test
    void billingDefaultsAreMergedFieldByField() {
        fixture.given(registered())
                .when(update(null, null, null, new BillingDefaults(14, null, new BigDecimal("8.875")), null))
                .expectEvents(new BillingDefaultsChanged(orgId, new BillingDefaults(14, EUR, new BigDecimal("8.875"))));
    }

    @Test
    void unchangedBillingDefaultsRecordNothing() {
        fixture.given(registered())
                .when(update(null, null, null, new BillingDefaults(30, null, null), null))
                .expectNoEvents();
    }

    @Test
    void billingDefaultsBuildOnTheLastChange() {
        fixture.given(registered(), new BillingDefaultsChanged(orgId, new BillingDefaults(14, EUR, BigDecimal.TEN)))
                .when(update(null, null, null, new BillingDefaults(null, USD, null), null))
                .expectEvents(new BillingDefaultsChanged(orgId, new BillingDefaults(14, USD, BigDecimal.TEN)));
    }

    @Test
    void requiringMfaIsRecorded() {
        fixture.given(registered())
                .when(update(null, null, null, null, true))
                .expectEvents(new MfaRequirementChanged(orgId, true));
    }

    @Test
    void requiringMfaAgainRecordsNothing() {
        fixture.given(registered(), new MfaRequirementChanged(orgId, true))
                .when(update(null, null, null, null, true))
                .expectNoEvents();
    }

    @Test
    void liftingTheMfaRequirementIsRecorded() {
        fixture.given(registered(), new MfaRequirementChanged(orgId, true))
                .when(update(null, null, null, null, false))
                .expectEvents(new MfaRequirementChanged(orgId, false));
    }

    @Test
    void oneUpdateMayChangeProfileBillingAndMfaTogether() {
        fixture.given(registered())
                .when(update("Acme Two", null, null, new BillingDefaults(7, null, null), true))
                .expectEvents(new OrganizationProfileChanged(orgId, "Acme Two", BERLIN, EUR),
                        new BillingDefaultsChanged(orgId, new BillingDefaults(7, EUR, BigDecimal.ZERO)),
                        new MfaRequirementChanged(orgId, true));
    }
}
