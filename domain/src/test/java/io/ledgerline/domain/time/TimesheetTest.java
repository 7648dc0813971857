package io.ledgerline.domain.time;

import static io.ledgerline.domain.shared.Violations.violation;

import io.ledgerline.domain.shared.BusinessRuleViolation.Kind;
import io.ledgerline.domain.shared.ExpectedVersion;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimesheetTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID MANAGER = UUID.randomUUID();
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final UUID SHEET = Timesheet.idOf(ORG, MEMBER, MONDAY);

    private AggregateTestFixture<Timesheet> fixture;
    private FakeLedger ledger;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Timesheet.class);
        ledger = new FakeLedger(ORG);
        ledger.members.put(MEMBER, true);
        fixture.registerInjectableResource(ledger);
    }

    private static SubmitTimesheet submit() {
        return new SubmitTimesheet(ORG, SHEET, MEMBER, MONDAY, MEMBER);
    }

    private static TimesheetSubmitted submitted() {
        return new TimesheetSubmitted(ORG, SHEET, MEMBER, MONDAY, MEMBER);
    }

    private static TimesheetRejected rejected() {
        return new TimesheetRejected(ORG, SHEET, MEMBER, MONDAY, MANAGER, "Tuesday is missing");
    }

    @Test
    void theIdIsDerivedFromTheWeekAndDiffersPerMemberWeekAndOrganization() {
        org.assertj.core.api.Assertions.assertThat(Timesheet.idOf(ORG, MEMBER, MONDAY))
                .isEqualTo(SHEET)
                .isNotEqualTo(Timesheet.idOf(ORG, MEMBER, MONDAY.plusWeeks(1)))
                .isNotEqualTo(Timesheet.idOf(ORG, MANAGER, MONDAY))
                .isNotEqualTo(Timesheet.idOf(UUID.randomUUID(), MEMBER, MONDAY))
                .isNotEqualTo(Timer.idOf(MEMBER));
    }

    @Test
    void aMemberSubmitsTheirWeek() {
        fixture.givenNoPriorActivity()
                .when(submit())
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted());
    }

    @Test
    void aManagerSubmitsAMembersWeek() {
        fixture.givenNoPriorActivity()
                .when(new SubmitTimesheet(ORG, SHEET, MEMBER, MONDAY, MANAGER))
                .expectEvents(new TimesheetSubmitted(ORG, SHEET, MEMBER, MONDAY, MANAGER));
    }

    @Test
    void aWeekStartsOnAMonday() {
        LocalDate tuesday = MONDAY.plusDays(1);
        fixture.givenNoPriorActivity()
                .when(new SubmitTimesheet(ORG, Timesheet.idOf(ORG, MEMBER, tuesday), MEMBER, tuesday, MEMBER))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "timesheet.week_start_not_monday"));
    }

    @Test
    void theIdMustBeTheWeeksOwn() {
        fixture.givenNoPriorActivity()
                .when(new SubmitTimesheet(ORG, UUID.randomUUID(), MEMBER, MONDAY, MEMBER))
                .expectException(violation(Kind.UNPROCESSABLE, "timesheet.id_mismatch"));
    }

    @Test
    void onlyAMemberOfTheOrganizationHasWeeks() {
        UUID stranger = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new SubmitTimesheet(ORG, Timesheet.idOf(ORG, stranger, MONDAY), stranger, MONDAY, MANAGER))
                .expectException(violation(Kind.NOT_FOUND, "member.not_found"));
    }

    @Test
    void submittingASubmittedWeekAgainRecordsNothing() {
        fixture.given(submitted())
                .when(submit())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anApprovedWeekCannotBeSubmittedAgain() {
        fixture.given(submitted(), new TimesheetApproved(ORG, SHEET, MEMBER, MONDAY, MANAGER))
                .when(submit())
                .expectException(violation(Kind.CONFLICT, "timesheet.approved"));
    }

    @Test
    void aManagerApprovesASubmittedWeek() {
        fixture.given(submitted())
                .when(new ApproveTimesheet(ORG, SHEET, MEMBER, MANAGER))
                .expectEvents(new TimesheetApproved(ORG, SHEET, MEMBER, MONDAY, MANAGER));
    }

    @Test
    void approvingAnApprovedWeekAgainRecordsNothing() {
        fixture.given(submitted(), new TimesheetApproved(ORG, SHEET, MEMBER, MONDAY, MANAGER))
                .when(new ApproveTimesheet(ORG, SHEET, MEMBER, MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aWeekNeverSubmittedCannotBeApprovedOrRejected() {
        fixture.givenNoPriorActivity()
                .when(new ApproveTimesheet(ORG, SHEET, MEMBER, MANAGER))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "timesheet.not_submitted"));
        fixture.givenNoPriorActivity()
                .when(new RejectTimesheet(ORG, SHEET, MEMBER, MANAGER, "Missing days"))
                .expectException(violation(Kind.CONFLICT, "timesheet.not_submitted"));
    }

    @Test
    void aDecisionOnAnotherOrganizationsMemberFindsNoMember() {
        UUID stranger = UUID.randomUUID();
        UUID sheet = Timesheet.idOf(ORG, stranger, MONDAY);
        fixture.givenNoPriorActivity()
                .when(new ApproveTimesheet(ORG, sheet, stranger, MANAGER))
                .expectException(violation(Kind.NOT_FOUND, "member.not_found"));
        fixture.givenNoPriorActivity()
                .when(new RejectTimesheet(ORG, sheet, stranger, MANAGER, "Missing days"))
                .expectException(violation(Kind.NOT_FOUND, "member.not_found"));
    }

    @Test
    void aManagerRejectsASubmittedWeekWithAReason() {
        fixture.given(submitted())
                .when(new RejectTimesheet(ORG, SHEET, MEMBER, MANAGER, "  Tuesday is missing "))
                .expectEvents(rejected());
    }

    @Test
    void aRejectionNeedsAReason() {
        fixture.given(submitted())
                .when(new RejectTimesheet(ORG, SHEET, MEMBER, MANAGER, " "))
                .expectException(violation(Kind.UNPROCESSABLE, "timesheet.reason_required"));
        fixture.given(submitted())
                .when(new RejectTimesheet(ORG, SHEET, MEMBER, MANAGER, "x".repeat(501)))
                .expectException(violation(Kind.UNPROCESSABLE, "timesheet.reason_too_long"));
    }

    @Test
    void aRejectedWeekIsSubmittedAgainAndCannotBeApprovedBefore() {
        fixture.given(submitted(), rejected())
                .when(new ApproveTimesheet(ORG, SHEET, MEMBER, MANAGER))
                .expectException(violation(Kind.CONFLICT, "timesheet.not_submitted"));
        fixture.given(submitted(), rejected())
                .when(submit())
                .expectEvents(submitted());
    }

    @Test
    void anApprovedWeekCannotBeRejected() {
        fixture.given(submitted(), new TimesheetApproved(ORG, SHEET, MEMBER, MONDAY, MANAGER))
                .when(new RejectTimesheet(ORG, SHEET, MEMBER, MANAGER, "Too late"))
                .expectException(violation(Kind.CONFLICT, "timesheet.not_submitted"));
    }

    @Test
    void aStaleVersionIsRefusedEvenForAWeekNeverSubmitted() {
        fixture.given(submitted())
                .when(new ApproveTimesheet(ORG, SHEET, MEMBER, MANAGER), Map.of(ExpectedVersion.METADATA_KEY, 1L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
        fixture.givenNoPriorActivity()
                .when(submit(), Map.of(ExpectedVersion.METADATA_KEY, 0L))
                .expectException(ConflictingAggregateVersionException.class);
        fixture.given(submitted())
                .when(new ApproveTimesheet(ORG, SHEET, MEMBER, MANAGER), Map.of(ExpectedVersion.METADATA_KEY, 0L))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anotherOrganizationsWeekIsNotFound() {
        fixture.given(submitted())
                .when(new ApproveTimesheet(UUID.randomUUID(), SHEET, MEMBER, MANAGER))
                .expectException(violation(Kind.NOT_FOUND, "timesheet.not_found"));
    }
}
