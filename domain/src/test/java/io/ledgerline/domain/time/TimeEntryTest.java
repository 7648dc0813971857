package io.ledgerline.domain.time;

import static io.ledgerline.domain.shared.Violations.violation;

import io.ledgerline.domain.client.ClientStanding;
import io.ledgerline.domain.project.BillingMethod;
import io.ledgerline.domain.project.ProjectStatus;
import io.ledgerline.domain.shared.BusinessRuleViolation.Kind;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeEntryTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();
    private static final UUID ENTRY = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID OTHER_PROJECT = UUID.randomUUID();
    private static final UUID INTERNAL = UUID.randomUUID();
    private static final UUID TASK = UUID.randomUUID();
    private static final UUID INVOICE = UUID.randomUUID();
    /** A Wednesday; its week starts on Monday the 2nd. */
    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final LocalDate WEEK = LocalDate.of(2026, 3, 2);
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime HALF_PAST_TEN = LocalTime.of(10, 30);

    private AggregateTestFixture<TimeEntry> fixture;
    private FakeLedger ledger;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TimeEntry.class);
        ledger = new FakeLedger(ORG)
                .project(PROJECT, CLIENT, BillingMethod.HOURLY)
                .project(OTHER_PROJECT, CLIENT, BillingMethod.FIXED_FEE)
                .project(INTERNAL, CLIENT, BillingMethod.NON_BILLABLE);
        ledger.tasks.put(TASK, new BookableWork.Task(true, true));
        ledger.members.put(MEMBER, true);
        fixture.registerInjectableResource(ledger);
    }

    private static LogTime log(LocalDate date, LocalTime start, LocalTime end, Integer minutes) {
        return new LogTime(ORG, ENTRY, MEMBER, PROJECT, TASK, date, start, end, minutes, " Design review ", null,
                null, null);
    }

    private static LogTime logMinutes(UUID projectId, UUID taskId, Boolean billable, int minutes) {
        return new LogTime(ORG, ENTRY, MEMBER, projectId, taskId, DAY, null, null, minutes, null, billable, null,
                null);
    }

    private static LogTime logFrom(EntrySource source, String jiraIssueKey) {
        return new LogTime(ORG, ENTRY, MEMBER, PROJECT, null, DAY, null, null, 60, null, null, jiraIssueKey, source);
    }

    private static TimeLogged logged() {
        return new TimeLogged(ORG, ENTRY, MEMBER, PROJECT, TASK, CLIENT, DAY, NINE, HALF_PAST_TEN, 90,
                "Design review", true, null, EntrySource.MANUAL);
    }

    private static ChangeTimeEntry change(LocalDate date, int minutes) {
        return new ChangeTimeEntry(ORG, ENTRY, PROJECT, TASK, date, null, null, minutes, "Design review", null,
                "WEB-42");
    }

    private static TimeEntryChanged changed(LocalDate date, int minutes) {
        return new TimeEntryChanged(ORG, ENTRY, MEMBER, PROJECT, TASK, CLIENT, date, null, null, minutes,
                "Design review", true, "WEB-42", DAY, 90);
    }

    private static TimeEntryUnlocked unlocked(EntryLock by) {
        return new TimeEntryUnlocked(ORG, ENTRY, MEMBER, DAY, by, by == EntryLock.INVOICED ? INVOICE : null,
                "Client asked for a correction");
    }

    // logging

    @Test
    void logsTimeFromAStartAndAnEndTime() {
        fixture.givenNoPriorActivity()
                .when(log(DAY, NINE, HALF_PAST_TEN, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(logged());
    }

    @Test
    void minutesThatAgreeWithTheTimesAreAccepted() {
        fixture.givenNoPriorActivity()
                .when(log(DAY, NINE.plusSeconds(20), HALF_PAST_TEN.plusSeconds(50), 90))
                .expectEvents(logged());
    }

    @Test
    void logsMinutesWithoutTimes() {
        fixture.givenNoPriorActivity()
                .when(log(DAY, null, null, 45))
                .expectEvents(new TimeLogged(ORG, ENTRY, MEMBER, PROJECT, TASK, CLIENT, DAY, null, null, 45,
                        "Design review", true, null, EntrySource.MANUAL));
    }

    @Test
    void minutesThatDisagreeWithTheTimesAreRefused() {
        fixture.givenNoPriorActivity()
                .when(log(DAY, NINE, HALF_PAST_TEN, 60))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.minutes_disagree"));
    }

    @Test
    void aStartNeedsAnEnd() {
        fixture.givenNoPriorActivity()
                .when(log(DAY, NINE, null, 60))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.times_incomplete"));
    }

    @Test
    void theEndMustBeAfterTheStart() {
        fixture.givenNoPriorActivity()
                .when(log(DAY, HALF_PAST_TEN, NINE, null))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.end_not_after_start"));
        fixture.givenNoPriorActivity()
                .when(log(DAY, NINE, NINE, null))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.end_not_after_start"));
    }

    @Test
    void anEntryNeedsADuration() {
        fixture.givenNoPriorActivity()
                .when(log(DAY, null, null, null))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.duration_required"));
    }

    @Test
    void aZeroOrNegativeDurationIsRefused() {
        fixture.givenNoPriorActivity()
                .when(log(DAY, null, null, 0))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.duration_not_positive"));
        fixture.givenNoPriorActivity()
                .when(log(DAY, null, null, -30))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.duration_not_positive"));
    }

    @Test
    void oneEntryLastsAtMost24Hours() {
        fixture.givenNoPriorActivity()
                .when(log(DAY, null, null, 1441))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.too_long"));
    }

    @Test
    void anEntryNeedsADate() {
        fixture.givenNoPriorActivity()
                .when(log(null, null, null, 30))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.date_required"));
    }

    @Test
    void timeNeedsAProjectOfTheOrganization() {
        fixture.givenNoPriorActivity()
                .when(logMinutes(UUID.randomUUID(), null, null, 30))
                .expectException(violation(Kind.NOT_FOUND, "project.not_found"));
        fixture.givenNoPriorActivity()
                .when(new LogTime(OTHER_ORG, ENTRY, MEMBER, PROJECT, null, DAY, null, null, 30, null, null, null,
                        null))
                .expectException(violation(Kind.NOT_FOUND, "member.not_found"));
    }

    @Test
    void anArchivedProjectTakesNoTime() {
        ledger.projects.put(PROJECT, new BookableWork.Project(CLIENT, ProjectStatus.ARCHIVED, BillingMethod.HOURLY,
                ClientStanding.ACTIVE));
        fixture.givenNoPriorActivity()
                .when(logMinutes(PROJECT, null, null, 30))
                .expectException(violation(Kind.UNPROCESSABLE, "project.archived"));
    }

    @Test
    void aCompletedProjectStillTakesLateTime() {
        ledger.projects.put(PROJECT, new BookableWork.Project(CLIENT, ProjectStatus.COMPLETED, BillingMethod.HOURLY,
                ClientStanding.ACTIVE));
        fixture.givenNoPriorActivity()
                .when(logMinutes(PROJECT, null, null, 30))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anInactiveClientTakesNoTime() {
        ledger.projects.put(PROJECT, new BookableWork.Project(CLIENT, ProjectStatus.ACTIVE, BillingMethod.HOURLY,
                ClientStanding.INACTIVE));
        fixture.givenNoPriorActivity()
                .when(logMinutes(PROJECT, null, null, 30))
                .expectException(violation(Kind.UNPROCESSABLE, "client.inactive"));
    }

    @Test
    void theTaskMustBeAnActiveTaskOfTheProject() {
        fixture.givenNoPriorActivity()
                .when(logMinutes(PROJECT, UUID.randomUUID(), null, 30))
                .expectException(violation(Kind.NOT_FOUND, "task.not_found"));
        ledger.tasks.put(TASK, new BookableWork.Task(true, false));
        fixture.givenNoPriorActivity()
                .when(logMinutes(PROJECT, TASK, null, 30))
                .expectException(violation(Kind.UNPROCESSABLE, "task.inactive"));
    }

    @Test
    void theMemberMustBeAnActiveMemberOfTheOrganization() {
        ledger.members.put(MEMBER, false);
        fixture.givenNoPriorActivity()
                .when(logMinutes(PROJECT, null, null, 30))
                .expectException(violation(Kind.UNPROCESSABLE, "member.inactive"));
        ledger.members.clear();
        fixture.givenNoPriorActivity()
                .when(logMinutes(PROJECT, null, null, 30))
                .expectException(violation(Kind.NOT_FOUND, "member.not_found"));
    }

    @Test
    void timeOnANonBillableProjectIsNotBilledByDefault() {
        fixture.givenNoPriorActivity()
                .when(logMinutes(INTERNAL, null, null, 30))
                .expectEvents(new TimeLogged(ORG, ENTRY, MEMBER, INTERNAL, null, CLIENT, DAY, null, null, 30, null,
                        false, null, EntrySource.MANUAL));
    }

    @Test
    void billingTimeOnANonBillableProjectIsRefused() {
        fixture.givenNoPriorActivity()
                .when(logMinutes(INTERNAL, null, true, 30))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.project_not_billable"));
    }

    @Test
    void aNonBillableTaskMakesItsTimeNonBillableUnlessSaidOtherwise() {
        ledger.tasks.put(TASK, new BookableWork.Task(false, true));
        fixture.givenNoPriorActivity()
                .when(logMinutes(OTHER_PROJECT, TASK, null, 30))
                .expectEvents(new TimeLogged(ORG, ENTRY, MEMBER, OTHER_PROJECT, TASK, CLIENT, DAY, null, null, 30,
                        null, false, null, EntrySource.MANUAL));
        fixture.givenNoPriorActivity()
                .when(logMinutes(OTHER_PROJECT, TASK, true, 30))
                .expectEvents(new TimeLogged(ORG, ENTRY, MEMBER, OTHER_PROJECT, TASK, CLIENT, DAY, null, null, 30,
                        null, true, null, EntrySource.MANUAL));
    }

    @Test
    void anExplicitBillableFlagWins() {
        fixture.givenNoPriorActivity()
                .when(logMinutes(PROJECT, TASK, false, 30))
                .expectEvents(new TimeLogged(ORG, ENTRY, MEMBER, PROJECT, TASK, CLIENT, DAY, null, null, 30, null,
                        false, null, EntrySource.MANUAL));
    }

    @Test
    void keepsTheJiraIssueKeyAndTheCalendarEventAsProvenance() {
        EntrySource calendar = new EntrySource(SourceType.CALENDAR, " AAMkAGI2 ");
        fixture.givenNoPriorActivity()
                .when(logFrom(calendar, " WEB-42 "))
                .expectEvents(new TimeLogged(ORG, ENTRY, MEMBER, PROJECT, null, CLIENT, DAY, null, null, 60, null,
                        true, "WEB-42", new EntrySource(SourceType.CALENDAR, "AAMkAGI2")));
    }

    @Test
    void aMalformedJiraIssueKeyIsRefused() {
        for (String key : new String[] {"web-42", "WEB-0", "WEB42", "42-WEB"}) {
            fixture.givenNoPriorActivity()
                    .when(logFrom(null, key))
                    .expectException(violation(Kind.UNPROCESSABLE, "time_entry.jira_issue_key_invalid"));
        }
    }

    @Test
    void aCalendarOrAiNoteEntryNamesWhatItCameFrom() {
        fixture.givenNoPriorActivity()
                .when(logFrom(new EntrySource(SourceType.AI_NOTE, " "), null))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.source_reference_required"));
        fixture.givenNoPriorActivity()
                .when(logFrom(new EntrySource(SourceType.MANUAL, "evt-1"), null))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.source_reference_unexpected"));
        fixture.givenNoPriorActivity()
                .when(logFrom(new EntrySource(SourceType.CALENDAR, "x".repeat(201)), null))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.source_reference_too_long"));
    }

    @Test
    void aLongDescriptionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new LogTime(ORG, ENTRY, MEMBER, PROJECT, null, DAY, null, null, 30, "x".repeat(2001), null,
                        null, null))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.description_too_long"));
    }

    @Test
    void noTimeIsLoggedOnOrBeforeTheLockDate() {
        ledger.lockedThrough = DAY;
        fixture.givenNoPriorActivity()
                .when(log(DAY, null, null, 30))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "ledger.locked"));
        fixture.givenNoPriorActivity()
                .when(log(DAY.plusDays(1), null, null, 30))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void noTimeIsAddedToASubmittedOrApprovedWeek() {
        ledger.weeks.put(WEEK, TimesheetStatus.SUBMITTED);
        fixture.givenNoPriorActivity()
                .when(log(DAY, null, null, 30))
                .expectException(violation(Kind.CONFLICT, "time_entry.submitted"));
        ledger.weeks.put(WEEK, TimesheetStatus.APPROVED);
        fixture.givenNoPriorActivity()
                .when(log(DAY, null, null, 30))
                .expectException(violation(Kind.CONFLICT, "time_entry.approved"));
        ledger.weeks.put(WEEK, TimesheetStatus.REJECTED);
        fixture.givenNoPriorActivity()
                .when(log(DAY, null, null, 30))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDayHoldsAtMost24HoursForAMember() {
        ledger.days.put(DAY, 1400);
        fixture.givenNoPriorActivity()
                .when(log(DAY, null, null, 40))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(log(DAY, null, null, 41))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.day_over_24h"));
    }

    // changing

    @Test
    void changesAnOpenEntryAndNamesWhereItWas() {
        fixture.given(logged())
                .when(change(DAY.plusDays(1), 120))
                .expectEvents(changed(DAY.plusDays(1), 120));
    }

    @Test
    void aChangeWithoutADifferenceRecordsNothing() {
        fixture.given(logged())
                .when(new ChangeTimeEntry(ORG, ENTRY, PROJECT, TASK, DAY, NINE, HALF_PAST_TEN, null,
                        "Design review", true, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aChangeKeepsTheDayWithin24HoursNotCountingTheEntryItself() {
        ledger.days.put(DAY, 1440);
        fixture.given(logged())
                .when(change(DAY, 90))
                .expectSuccessfulHandlerExecution();
        fixture.given(logged())
                .when(change(DAY, 91))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.day_over_24h"));
        ledger.days.put(DAY.plusDays(1), 1400);
        fixture.given(logged())
                .when(change(DAY.plusDays(1), 41))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.day_over_24h"));
    }

    @Test
    void aChangeIsCheckedLikeNewTime() {
        fixture.given(logged())
                .when(new ChangeTimeEntry(ORG, ENTRY, INTERNAL, TASK, DAY, null, null, 30, null, true, null))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.project_not_billable"));
        fixture.given(logged())
                .when(new ChangeTimeEntry(ORG, ENTRY, PROJECT, null, DAY, NINE, null, null, null, null, null))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.times_incomplete"));
    }

    @Test
    void cannotEditAnEntryOfASubmittedWeek() {
        ledger.weeks.put(WEEK, TimesheetStatus.SUBMITTED);
        fixture.given(logged())
                .when(change(DAY, 60))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "time_entry.submitted"));
    }

    @Test
    void cannotEditAnApprovedEntry() {
        ledger.weeks.put(WEEK, TimesheetStatus.APPROVED);
        fixture.given(logged())
                .when(change(DAY, 60))
                .expectException(violation(Kind.CONFLICT, "time_entry.approved"));
    }

    @Test
    void cannotEditAnEntryInALockedPeriod() {
        ledger.lockedThrough = DAY.plusDays(10);
        ledger.weeks.put(WEEK, TimesheetStatus.APPROVED);
        fixture.given(logged())
                .when(change(DAY, 60))
                .expectException(violation(Kind.CONFLICT, "time_entry.locked"));
    }

    @Test
    void cannotEditAnInvoicedEntry() {
        ledger.invoices.put(ENTRY, INVOICE);
        ledger.lockedThrough = DAY;
        fixture.given(logged())
                .when(change(DAY, 60))
                .expectException(violation(Kind.CONFLICT, "time_entry.invoiced"));
    }

    @Test
    void cannotMoveAnOpenEntryIntoALockedPeriodOrAClosedWeek() {
        ledger.lockedThrough = DAY.minusDays(1);
        fixture.given(logged())
                .when(change(DAY.minusDays(1), 90))
                .expectException(violation(Kind.CONFLICT, "ledger.locked"));
        ledger.weeks.put(WEEK.plusWeeks(1), TimesheetStatus.SUBMITTED);
        fixture.given(logged())
                .when(change(DAY.plusWeeks(1), 90))
                .expectException(violation(Kind.CONFLICT, "time_entry.submitted"));
    }

    @Test
    void anUnlockedEntryTakesOneChangeThenIsLockedAgain() {
        ledger.weeks.put(WEEK, TimesheetStatus.APPROVED);
        fixture.given(logged(), unlocked(EntryLock.APPROVED))
                .when(change(DAY, 60))
                .expectEvents(new TimeEntryChanged(ORG, ENTRY, MEMBER, PROJECT, TASK, CLIENT, DAY, null, null, 60,
                        "Design review", true, "WEB-42", DAY, 90));
        fixture.given(logged(), unlocked(EntryLock.APPROVED), changed(DAY, 60))
                .when(change(DAY, 45))
                .expectException(violation(Kind.CONFLICT, "time_entry.approved"));
    }

    @Test
    void anUnlockedInvoicedEntryMayBeCorrected() {
        ledger.invoices.put(ENTRY, INVOICE);
        fixture.given(logged(), unlocked(EntryLock.INVOICED))
                .when(change(DAY, 60))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TimeEntryChanged(ORG, ENTRY, MEMBER, PROJECT, TASK, CLIENT, DAY, null, null, 60,
                        "Design review", true, "WEB-42", DAY, 90));
    }

    @Test
    void anUnlockedEntryMovesOnlyToADateThatTakesTime() {
        ledger.weeks.put(WEEK, TimesheetStatus.APPROVED);
        fixture.given(logged(), unlocked(EntryLock.APPROVED))
                .when(change(DAY.plusDays(1), 90))
                .expectException(violation(Kind.CONFLICT, "time_entry.approved"));
        fixture.given(logged(), unlocked(EntryLock.APPROVED))
                .when(change(DAY.plusWeeks(1), 90))
                .expectEvents(changed(DAY.plusWeeks(1), 90));
    }

    @Test
    void anotherOrganizationsEntryIsNotFound() {
        fixture.given(logged())
                .when(new ChangeTimeEntry(OTHER_ORG, ENTRY, PROJECT, TASK, DAY, null, null, 30, null, null, null))
                .expectException(violation(Kind.NOT_FOUND, "time_entry.not_found"));
        fixture.given(logged())
                .when(new DeleteTimeEntry(OTHER_ORG, ENTRY))
                .expectException(violation(Kind.NOT_FOUND, "time_entry.not_found"));
        fixture.given(logged())
                .when(new UnlockTimeEntry(OTHER_ORG, ENTRY, "why"))
                .expectException(violation(Kind.NOT_FOUND, "time_entry.not_found"));
    }

    // deleting

    @Test
    void deletesAnOpenEntry() {
        fixture.given(logged())
                .when(new DeleteTimeEntry(ORG, ENTRY))
                .expectEvents(new TimeEntryDeleted(ORG, ENTRY, MEMBER, DAY, 90));
    }

    @Test
    void aDeletedEntryTakesNoMoreCommands() {
        fixture.given(logged(), new TimeEntryDeleted(ORG, ENTRY, MEMBER, DAY, 90))
                .when(change(DAY, 30))
                .expectException(AggregateDeletedException.class);
    }

    @Test
    void cannotDeleteAnEntryOfASubmittedWeekOrALockedPeriod() {
        ledger.weeks.put(WEEK, TimesheetStatus.SUBMITTED);
        fixture.given(logged())
                .when(new DeleteTimeEntry(ORG, ENTRY))
                .expectException(violation(Kind.CONFLICT, "time_entry.submitted"));
        ledger.lockedThrough = DAY;
        fixture.given(logged())
                .when(new DeleteTimeEntry(ORG, ENTRY))
                .expectException(violation(Kind.CONFLICT, "time_entry.locked"));
    }

    @Test
    void anUnlockedEntryMayBeDeleted() {
        ledger.lockedThrough = DAY;
        fixture.given(logged(), unlocked(EntryLock.LOCKED))
                .when(new DeleteTimeEntry(ORG, ENTRY))
                .expectEvents(new TimeEntryDeleted(ORG, ENTRY, MEMBER, DAY, 90));
    }

    @Test
    void anInvoicedEntryIsNeverDeletedEvenWhenUnlocked() {
        ledger.invoices.put(ENTRY, INVOICE);
        fixture.given(logged(), unlocked(EntryLock.INVOICED))
                .when(new DeleteTimeEntry(ORG, ENTRY))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "time_entry.invoiced"));
    }

    // unlocking

    @Test
    void unlockingRecordsWhatLockedTheEntryAndWhy() {
        ledger.weeks.put(WEEK, TimesheetStatus.APPROVED);
        fixture.given(logged())
                .when(new UnlockTimeEntry(ORG, ENTRY, "  Client asked for a correction "))
                .expectEvents(unlocked(EntryLock.APPROVED));
        ledger.lockedThrough = DAY;
        fixture.given(logged())
                .when(new UnlockTimeEntry(ORG, ENTRY, "Client asked for a correction"))
                .expectEvents(unlocked(EntryLock.LOCKED));
    }

    @Test
    void unlockingAnInvoicedEntryNamesTheInvoice() {
        ledger.invoices.put(ENTRY, INVOICE);
        ledger.weeks.put(WEEK, TimesheetStatus.APPROVED);
        fixture.given(logged())
                .when(new UnlockTimeEntry(ORG, ENTRY, "Client asked for a correction"))
                .expectEvents(unlocked(EntryLock.INVOICED));
    }

    @Test
    void unlockingNeedsAReason() {
        ledger.weeks.put(WEEK, TimesheetStatus.SUBMITTED);
        fixture.given(logged())
                .when(new UnlockTimeEntry(ORG, ENTRY, "  "))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.unlock_reason_required"));
        fixture.given(logged())
                .when(new UnlockTimeEntry(ORG, ENTRY, "x".repeat(501)))
                .expectException(violation(Kind.UNPROCESSABLE, "time_entry.unlock_reason_too_long"));
    }

    @Test
    void anOpenEntryHasNothingToUnlock() {
        fixture.given(logged())
                .when(new UnlockTimeEntry(ORG, ENTRY, "Just in case"))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "time_entry.not_locked"));
    }

    @Test
    void unlockingAnUnlockedEntryAgainRecordsNothing() {
        ledger.weeks.put(WEEK, TimesheetStatus.SUBMITTED);
        fixture.given(logged(), unlocked(EntryLock.SUBMITTED))
                .when(new UnlockTimeEntry(ORG, ENTRY, "Again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
