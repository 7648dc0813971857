package io.ledgerline.domain.time;

import static io.ledgerline.domain.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.domain.project.BillingMethod;
import io.ledgerline.domain.shared.BusinessRuleViolation.Kind;
import io.ledgerline.domain.shared.ExpectedVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimerTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID TIMER = Timer.idOf(MEMBER);
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID TASK = UUID.randomUUID();
    private static final UUID ENTRY = UUID.randomUUID();
    /** 23:50 in Berlin on 4 March 2026. */
    private static final Instant STARTED = Instant.parse("2026-03-04T22:50:00Z");

    private AggregateTestFixture<Timer> fixture;
    private FakeLedger ledger;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Timer.class);
        ledger = new FakeLedger(ORG).project(PROJECT, CLIENT, BillingMethod.HOURLY);
        ledger.tasks.put(TASK, new BookableWork.Task(true, true));
        ledger.members.put(MEMBER, true);
        fixture.registerInjectableResource(ledger);
    }

    private static StartTimer start() {
        return new StartTimer(ORG, TIMER, MEMBER, PROJECT, TASK, " Call with Acme ", null, "WEB-7", STARTED);
    }

    private static TimerStarted started() {
        return new TimerStarted(ORG, TIMER, MEMBER, PROJECT, TASK, "Call with Acme", null, "WEB-7", STARTED);
    }

    @Test
    void startsAMembersTimer() {
        fixture.givenNoPriorActivity()
                .when(start())
                .expectSuccessfulHandlerExecution()
                .expectEvents(started());
    }

    @Test
    void aTimerStartsOnlyOnWorkThatTakesTime() {
        ledger.tasks.put(TASK, new BookableWork.Task(true, false));
        fixture.givenNoPriorActivity()
                .when(start())
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "task.inactive"));
        fixture.givenNoPriorActivity()
                .when(new StartTimer(ORG, TIMER, MEMBER, UUID.randomUUID(), null, null, null, null, STARTED))
                .expectException(violation(Kind.NOT_FOUND, "project.not_found"));
        fixture.givenNoPriorActivity()
                .when(new StartTimer(ORG, TIMER, MEMBER, PROJECT, null, null, null, "nope", STARTED))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.jira_issue_key_invalid"));
    }

    @Test
    void aRunningTimerIsNotStartedTwice() {
        fixture.given(started())
                .when(start())
                .expectException(violation(Kind.CONFLICT, "timer.running"));
    }

    @Test
    void theTimerIdIsTheMembersOwn() {
        fixture.givenNoPriorActivity()
                .when(new StartTimer(ORG, UUID.randomUUID(), MEMBER, PROJECT, null, null, null, null, STARTED))
                .expectException(violation(Kind.UNPROCESSABLE, "timer.id_mismatch"));
    }

    @Test
    void stoppingLogsTheRunOnTheDateItStartedInTheOrganizationsTimeZoneEvenPastMidnight() {
        Instant stopped = STARTED.plusSeconds(45 * 60 + 30);
        TimerStopped expected = new TimerStopped(ORG, TIMER, MEMBER, ENTRY, PROJECT, TASK, "Call with Acme", null,
                "WEB-7", STARTED, stopped, LocalDate.of(2026, 3, 4), 46);
        fixture.given(started())
                .when(new StopTimer(ORG, TIMER, ENTRY, stopped))
                .expectEvents(expected)
                .expectResultMessagePayload(expected);
    }

    @Test
    void theStartDateIsTheOrganizationsNotUtcs() {
        ledger.zone = ZoneId.of("Asia/Tokyo");
        Instant stopped = STARTED.plusSeconds(600);
        fixture.given(started())
                .when(new StopTimer(ORG, TIMER, ENTRY, stopped))
                .expectEvents(new TimerStopped(ORG, TIMER, MEMBER, ENTRY, PROJECT, TASK, "Call with Acme", null,
                        "WEB-7", STARTED, stopped, LocalDate.of(2026, 3, 5), 10));
    }

    @Test
    void stoppingATimerThatDoesNotRunRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new StopTimer(ORG, TIMER, ENTRY, STARTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(started(), new TimerDiscarded(ORG, TIMER, MEMBER, STARTED))
                .when(new StopTimer(ORG, TIMER, ENTRY, STARTED))
                .expectNoEvents();
    }

    @Test
    void aStoppedTimerStartsAgain() {
        fixture.given(started(), new TimerStopped(ORG, TIMER, MEMBER, ENTRY, PROJECT, TASK, null, null, null,
                        STARTED, STARTED.plusSeconds(60), LocalDate.of(2026, 3, 4), 1))
                .when(start())
                .expectEvents(started());
    }

    @Test
    void minutesAreWholeRoundedHalfUpAndAtLeastOne() {
        assertThat(Timer.minutesBetween(STARTED, STARTED.plusSeconds(5))).isEqualTo(1);
        assertThat(Timer.minutesBetween(STARTED, STARTED.plusSeconds(89))).isEqualTo(1);
        assertThat(Timer.minutesBetween(STARTED, STARTED.plusSeconds(90))).isEqualTo(2);
        assertThat(Timer.minutesBetween(STARTED, STARTED.minusSeconds(90))).isEqualTo(1);
        assertThat(Timer.minutesBetween(STARTED, STARTED.plusSeconds(25 * 3600))).isEqualTo(1500);
    }

    @Test
    void aRunningTimerIsDiscardedWithoutTime() {
        fixture.given(started())
                .when(new DiscardTimer(ORG, TIMER))
                .expectEvents(new TimerDiscarded(ORG, TIMER, MEMBER, STARTED));
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(started())
                .when(new DiscardTimer(ORG, TIMER), Map.of(ExpectedVersion.METADATA_KEY, 3L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
        fixture.givenNoPriorActivity()
                .when(start(), Map.of(ExpectedVersion.METADATA_KEY, 0L))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void onlyARunningTimerIsDiscarded() {
        fixture.givenNoPriorActivity()
                .when(new DiscardTimer(ORG, TIMER))
                .expectException(violation(Kind.CONFLICT, "timer.not_running"));
    }
}
