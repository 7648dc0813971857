package io.ledgerline.domain.rate;

import static io.ledgerline.domain.shared.Violations.violation;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateCardTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();
    private static final UUID CARD = RateCard.idOf(ORG);
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

    private AggregateTestFixture<RateCard> fixture;

    /** The command-side registry of the organization's clients, projects, tasks and members. */
    private static final class Targets implements RateTargets {

        private final Set<UUID> known = new HashSet<>();

        @Override
        public boolean exists(UUID orgId, RateLevel level, UUID targetId) {
            return ORG.equals(orgId) && known.contains(targetId);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RateCard.class);
        Targets targets = new Targets();
        targets.known.add(CLIENT);
        targets.known.add(MEMBER);
        fixture.registerInjectableResource(targets);
    }

    private static ScheduleRate schedule(RateLevel level, UUID targetId, String rate, LocalDate from) {
        return new ScheduleRate(ORG, null, level, targetId, rate == null ? null : new BigDecimal(rate), from);
    }

    private static HourlyRateScheduled scheduled(RateLevel level, UUID targetId, String rate, LocalDate from) {
        return new HourlyRateScheduled(ORG, CARD, level, targetId, rate == null ? null : new BigDecimal(rate), from);
    }

    @Test
    void theFirstRateCreatesTheOrganizationsRateCard() {
        fixture.givenNoPriorActivity()
                .when(schedule(RateLevel.ORGANIZATION, null, "100", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(scheduled(RateLevel.ORGANIZATION, null, "100", null));
    }

    @Test
    void theRateCardIdIsDerivedFromTheOrganizationButIsNotItsId() {
        org.assertj.core.api.Assertions.assertThat(schedule(RateLevel.ORGANIZATION, null, "1", null).rateCardId())
                .isEqualTo(CARD)
                .isNotEqualTo(ORG);
    }

    @Test
    void schedulesAClientRateFromADate() {
        fixture.given(scheduled(RateLevel.ORGANIZATION, null, "100", null))
                .when(schedule(RateLevel.CLIENT, CLIENT, "120.5", MARCH))
                .expectEvents(scheduled(RateLevel.CLIENT, CLIENT, "120.5", MARCH));
    }

    @Test
    void schedulingTheSameLevelTargetAndDateAgainReplacesTheRate() {
        fixture.given(scheduled(RateLevel.MEMBER, MEMBER, "150", MARCH))
                .when(schedule(RateLevel.MEMBER, MEMBER, "160", MARCH))
                .expectEvents(scheduled(RateLevel.MEMBER, MEMBER, "160", MARCH));
    }

    @Test
    void schedulingTheSameRateAgainRecordsNothing() {
        fixture.given(scheduled(RateLevel.MEMBER, MEMBER, "150", MARCH))
                .when(schedule(RateLevel.MEMBER, MEMBER, "150.00", MARCH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNullRateEndsTheLevelsRateFromItsDate() {
        fixture.given(scheduled(RateLevel.MEMBER, MEMBER, "150", null))
                .when(schedule(RateLevel.MEMBER, MEMBER, null, MARCH))
                .expectEvents(scheduled(RateLevel.MEMBER, MEMBER, null, MARCH));
    }

    @Test
    void aZeroRateIsARate() {
        fixture.givenNoPriorActivity()
                .when(schedule(RateLevel.CLIENT, CLIENT, "0", null))
                .expectEvents(scheduled(RateLevel.CLIENT, CLIENT, "0", null));
    }

    @Test
    void cannotScheduleANegativeRate() {
        fixture.givenNoPriorActivity()
                .when(schedule(RateLevel.ORGANIZATION, null, "-1", null))
                .expectNoEvents()
                .expectException(violation(BusinessRuleViolation.Kind.UNPROCESSABLE, "rate.negative"));
    }

    @Test
    void cannotScheduleARateWithMoreThanFourDecimals() {
        fixture.givenNoPriorActivity()
                .when(schedule(RateLevel.ORGANIZATION, null, "10.12345", null))
                .expectNoEvents()
                .expectException(violation(BusinessRuleViolation.Kind.UNPROCESSABLE, "rate.too_precise"));
    }

    @Test
    void trailingZerosBeyondFourDecimalsAreNotPrecision() {
        fixture.givenNoPriorActivity()
                .when(schedule(RateLevel.ORGANIZATION, null, "10.123400", null))
                .expectEvents(scheduled(RateLevel.ORGANIZATION, null, "10.123400", null));
    }

    @Test
    void cannotScheduleWithoutALevel() {
        fixture.givenNoPriorActivity()
                .when(schedule(null, CLIENT, "10", null))
                .expectNoEvents()
                .expectException(violation(BusinessRuleViolation.Kind.UNPROCESSABLE, "rate.level_required"));
    }

    @Test
    void theOrganizationsDefaultHasNoTarget() {
        fixture.givenNoPriorActivity()
                .when(schedule(RateLevel.ORGANIZATION, CLIENT, "10", null))
                .expectNoEvents()
                .expectException(violation(BusinessRuleViolation.Kind.UNPROCESSABLE, "rate.target_not_allowed"));
    }

    @Test
    void aClientRateNeedsItsClient() {
        fixture.givenNoPriorActivity()
                .when(schedule(RateLevel.CLIENT, null, "10", null))
                .expectNoEvents()
                .expectException(violation(BusinessRuleViolation.Kind.UNPROCESSABLE, "rate.target_required"));
    }

    @Test
    void cannotScheduleARateForAnUnknownTarget() {
        fixture.givenNoPriorActivity()
                .when(schedule(RateLevel.TASK, UUID.randomUUID(), "10", null))
                .expectNoEvents()
                .expectException(violation(BusinessRuleViolation.Kind.NOT_FOUND, "task.not_found"));
    }

    @Test
    void schedulesOnTheVersionTheCallerRead() {
        fixture.given(scheduled(RateLevel.ORGANIZATION, null, "100", null))
                .when(schedule(RateLevel.ORGANIZATION, null, "110", MARCH), Map.of(RateCard.EXPECTED_VERSION, 0L))
                .expectEvents(scheduled(RateLevel.ORGANIZATION, null, "110", MARCH));
    }

    @Test
    void cannotScheduleOnAStaleVersion() {
        fixture.given(scheduled(RateLevel.ORGANIZATION, null, "100", null),
                        scheduled(RateLevel.ORGANIZATION, null, "110", MARCH))
                .when(schedule(RateLevel.CLIENT, CLIENT, "120", null), Map.of(RateCard.EXPECTED_VERSION, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void aCardThatDoesNotExistYetHasNoVersionToMatch() {
        fixture.givenNoPriorActivity()
                .when(schedule(RateLevel.CLIENT, CLIENT, "120", null), Map.of(RateCard.EXPECTED_VERSION, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void cannotScheduleOnAnotherOrganizationsRateCard() {
        fixture.given(scheduled(RateLevel.ORGANIZATION, null, "100", null))
                .when(new ScheduleRate(OTHER_ORG, CARD, RateLevel.ORGANIZATION, null, BigDecimal.ONE, null))
                .expectNoEvents()
                .expectException(violation(BusinessRuleViolation.Kind.NOT_FOUND, "rate_card.not_found"));
    }
}
