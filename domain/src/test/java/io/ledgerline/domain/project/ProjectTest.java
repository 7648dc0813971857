package io.ledgerline.domain.project;

import io.ledgerline.domain.client.ClientDirectory;
import io.ledgerline.domain.client.ClientStanding;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID TASK = UUID.randomUUID();
    private static final UUID OTHER_TASK = UUID.randomUUID();
    private static final BigDecimal RATE = new BigDecimal("120.00");
    private static final Budget BUDGET = new Budget(new BigDecimal("100"), new BigDecimal("12000.00"));
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 6, 30);
    private static final LocalDate RATE_CHANGE = LocalDate.of(2026, 3, 1);

    private AggregateTestFixture<Project> fixture;
    private Clients clients;

    /** The command-side client directory, as the registry would answer it. */
    private static final class Clients implements ClientDirectory {

        private final Map<UUID, ClientStanding> standings = new HashMap<>();

        @Override
        public boolean nameTaken(UUID orgId, String name, UUID exceptClientId) {
            return false;
        }

        @Override
        public boolean codeTaken(UUID orgId, String code) {
            return false;
        }

        @Override
        public Optional<ClientStanding> standing(UUID orgId, UUID clientId) {
            return ORG.equals(orgId) ? Optional.ofNullable(standings.get(clientId)) : Optional.empty();
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        clients = new Clients();
        clients.standings.put(CLIENT, ClientStanding.ACTIVE);
        fixture.registerInjectableResource(clients);
    }

    private static ProjectCreated created() {
        return new ProjectCreated(ORG, PROJECT, CLIENT, "Website", "WEB", BillingMethod.HOURLY, RATE, BUDGET, START,
                END);
    }

    private static CreateProject create(String name, BillingMethod method, BigDecimal rate) {
        return new CreateProject(ORG, PROJECT, CLIENT, name, "WEB", method, rate, BUDGET, START, END);
    }

    private static UpdateProject update(String name, BillingMethod method, BigDecimal rate, Budget budget,
                                        LocalDate start, LocalDate end) {
        return new UpdateProject(ORG, PROJECT, name, "WEB", method, rate, budget, start, end, RATE_CHANGE);
    }

    private static TaskAdded taskAdded(UUID taskId, String name) {
        return new TaskAdded(ORG, PROJECT, taskId, name, true, null);
    }

    /** The command is refused with the given kind and stable code, and nothing is recorded. */
    private static void violates(ResultValidator<Project> result, BusinessRuleViolation.Kind kind, String code) {
        result.expectNoEvents().expectException(new TypeSafeMatcher<Throwable>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof BusinessRuleViolation violation && violation.kind() == kind
                        && violation.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " violation with code " + code);
            }
        });
    }

    // creating

    @Test
    void createsAnHourlyProjectForAnActiveClient() {
        fixture.givenNoPriorActivity()
                .when(new CreateProject(ORG, PROJECT, CLIENT, "  Website ", " WEB ", BillingMethod.HOURLY, RATE, BUDGET,
                        START, END))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void createsAProjectWithoutCodeBudgetOrDates() {
        fixture.givenNoPriorActivity()
                .when(new CreateProject(ORG, PROJECT, CLIENT, "Retainer", null, BillingMethod.FIXED_FEE, null, null,
                        null, null))
                .expectEvents(new ProjectCreated(ORG, PROJECT, CLIENT, "Retainer", null, BillingMethod.FIXED_FEE, null,
                        Budget.NONE, null, null));
    }

    @Test
    void aNonBillableProjectDropsAnyRateSentAlong() {
        fixture.givenNoPriorActivity()
                .when(new CreateProject(ORG, PROJECT, CLIENT, "Internal", null, BillingMethod.NON_BILLABLE, RATE,
                        Budget.NONE, null, null))
                .expectEvents(new ProjectCreated(ORG, PROJECT, CLIENT, "Internal", null, BillingMethod.NON_BILLABLE,
                        null, Budget.NONE, null, null));
    }

    @Test
    void cannotCreateAProjectForAnUnknownClient() {
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateProject(ORG, PROJECT, UUID.randomUUID(), "Website", null, BillingMethod.HOURLY,
                                RATE, BUDGET, null, null)),
                BusinessRuleViolation.Kind.NOT_FOUND, "client.not_found");
    }

    @Test
    void cannotCreateAProjectForAnotherOrganizationsClient() {
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateProject(OTHER_ORG, PROJECT, CLIENT, "Website", null, BillingMethod.HOURLY, RATE,
                                BUDGET, null, null)),
                BusinessRuleViolation.Kind.NOT_FOUND, "client.not_found");
    }

    @Test
    void cannotCreateAProjectForAnInactiveClient() {
        clients.standings.put(CLIENT, ClientStanding.INACTIVE);
        violates(fixture.givenNoPriorActivity().when(create("Website", BillingMethod.HOURLY, RATE)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "client.inactive");
    }

    @Test
    void cannotCreateAProjectWithoutAName() {
        violates(fixture.givenNoPriorActivity().when(create("   ", BillingMethod.HOURLY, RATE)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.name_required");
    }

    @Test
    void cannotCreateAProjectWithANameOver200Characters() {
        violates(fixture.givenNoPriorActivity().when(create("x".repeat(201), BillingMethod.HOURLY, RATE)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.name_too_long");
    }

    @Test
    void cannotCreateAProjectWithoutABillingMethod() {
        violates(fixture.givenNoPriorActivity().when(create("Website", null, RATE)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.billing_method_required");
    }

    @Test
    void cannotCreateAnHourlyProjectWithoutARate() {
        violates(fixture.givenNoPriorActivity().when(create("Website", BillingMethod.HOURLY, null)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.hourly_rate_required");
    }

    @Test
    void cannotCreateAProjectWithANegativeRate() {
        violates(fixture.givenNoPriorActivity().when(create("Website", BillingMethod.HOURLY, new BigDecimal("-1"))),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.hourly_rate_negative");
    }

    @Test
    void cannotCreateAProjectWithANegativeBudget() {
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateProject(ORG, PROJECT, CLIENT, "Website", null, BillingMethod.FIXED_FEE, null,
                                new Budget(null, new BigDecimal("-0.01")), null, null)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.budget_negative");
    }

    @Test
    void cannotCreateAProjectEndingBeforeItStarts() {
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateProject(ORG, PROJECT, CLIENT, "Website", null, BillingMethod.FIXED_FEE, null,
                                null, END, START)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.dates_out_of_order");
    }

    // updating

    @Test
    void updatesTheDetailsKeepingTheClient() {
        Budget hoursOnly = new Budget(new BigDecimal("40"), null);
        fixture.given(created())
                .when(update("Website relaunch", BillingMethod.FIXED_FEE, null, hoursOnly, START, null))
                .expectEvents(new ProjectDetailsChanged(ORG, PROJECT, CLIENT, "Website relaunch", "WEB",
                        BillingMethod.FIXED_FEE, null, hoursOnly, START, null, RATE_CHANGE));
    }

    @Test
    void aRateChangeAppliesFromItsEffectiveDate() {
        fixture.given(created())
                .when(update("Website", BillingMethod.HOURLY, new BigDecimal("150"), BUDGET, START, END))
                .expectEvents(new ProjectDetailsChanged(ORG, PROJECT, CLIENT, "Website", "WEB", BillingMethod.HOURLY,
                        new BigDecimal("150"), BUDGET, START, END, RATE_CHANGE));
    }

    @Test
    void anEditThatKeepsTheRateKeepsTheDateItAppliesFrom() {
        fixture.given(created(), new ProjectDetailsChanged(ORG, PROJECT, CLIENT, "Website", "WEB",
                        BillingMethod.HOURLY, new BigDecimal("150"), BUDGET, START, END, RATE_CHANGE))
                .when(new UpdateProject(ORG, PROJECT, "Website relaunch", "WEB", BillingMethod.HOURLY,
                        new BigDecimal("150.00"), BUDGET, START, END, LocalDate.of(2026, 5, 1)))
                .expectEvents(new ProjectDetailsChanged(ORG, PROJECT, CLIENT, "Website relaunch", "WEB",
                        BillingMethod.HOURLY, new BigDecimal("150.00"), BUDGET, START, END, RATE_CHANGE));
    }

    @Test
    void becomingNonBillableDropsTheRateFromTheEffectiveDate() {
        fixture.given(created())
                .when(update("Website", BillingMethod.NON_BILLABLE, RATE, BUDGET, START, END))
                .expectEvents(new ProjectDetailsChanged(ORG, PROJECT, CLIENT, "Website", "WEB",
                        BillingMethod.NON_BILLABLE, null, BUDGET, START, END, RATE_CHANGE));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(created())
                .when(update(" Website ", BillingMethod.HOURLY, new BigDecimal("120"), BUDGET, START, END))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotUpdateAProjectOfAnotherOrganization() {
        violates(fixture.given(created())
                        .when(new UpdateProject(OTHER_ORG, PROJECT, "Mine", null, BillingMethod.HOURLY, RATE, null,
                                null, null, null)),
                BusinessRuleViolation.Kind.NOT_FOUND, "project.not_found");
    }

    @Test
    void cannotUpdateTheDatesOutOfOrder() {
        violates(fixture.given(created()).when(update("Website", BillingMethod.HOURLY, RATE, BUDGET, END, START)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.dates_out_of_order");
    }

    @Test
    void cannotSwitchToHourlyWithoutARate() {
        violates(fixture.given(created()).when(update("Website", BillingMethod.HOURLY, null, BUDGET, START, END)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.hourly_rate_required");
    }

    @Test
    void cannotUpdateToANegativeBudget() {
        violates(fixture.given(created())
                        .when(update("Website", BillingMethod.HOURLY, RATE, new Budget(new BigDecimal("-1"), null),
                                START, END)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.budget_negative");
    }

    @Test
    void cannotUpdateToABlankName() {
        violates(fixture.given(created()).when(update("", BillingMethod.HOURLY, RATE, BUDGET, START, END)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.name_required");
    }

    // status

    @Test
    void completesAnActiveProject() {
        fixture.given(created())
                .when(new ChangeProjectStatus(ORG, PROJECT, ProjectStatus.COMPLETED))
                .expectEvents(new ProjectStatusChanged(ORG, PROJECT, CLIENT, ProjectStatus.COMPLETED,
                        ProjectStatus.ACTIVE));
    }

    @Test
    void archivesACompletedProject() {
        fixture.given(created(), new ProjectStatusChanged(ORG, PROJECT, CLIENT, ProjectStatus.COMPLETED,
                        ProjectStatus.ACTIVE))
                .when(new ChangeProjectStatus(ORG, PROJECT, ProjectStatus.ARCHIVED))
                .expectEvents(new ProjectStatusChanged(ORG, PROJECT, CLIENT, ProjectStatus.ARCHIVED,
                        ProjectStatus.COMPLETED));
    }

    @Test
    void reactivatesAnArchivedProject() {
        fixture.given(created(), new ProjectStatusChanged(ORG, PROJECT, CLIENT, ProjectStatus.ARCHIVED,
                        ProjectStatus.ACTIVE))
                .when(new ChangeProjectStatus(ORG, PROJECT, ProjectStatus.ACTIVE))
                .expectEvents(new ProjectStatusChanged(ORG, PROJECT, CLIENT, ProjectStatus.ACTIVE,
                        ProjectStatus.ARCHIVED));
    }

    @Test
    void theSameStatusAgainRecordsNothing() {
        fixture.given(created())
                .when(new ChangeProjectStatus(ORG, PROJECT, ProjectStatus.ACTIVE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReactivateAProjectOfAnInactiveClient() {
        clients.standings.put(CLIENT, ClientStanding.INACTIVE);
        violates(fixture.given(created(), new ProjectStatusChanged(ORG, PROJECT, CLIENT, ProjectStatus.COMPLETED,
                                ProjectStatus.ACTIVE))
                        .when(new ChangeProjectStatus(ORG, PROJECT, ProjectStatus.ACTIVE)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "client.inactive");
    }

    @Test
    void anInactiveClientsProjectMayStillBeCompleted() {
        clients.standings.put(CLIENT, ClientStanding.INACTIVE);
        fixture.given(created())
                .when(new ChangeProjectStatus(ORG, PROJECT, ProjectStatus.COMPLETED))
                .expectEvents(new ProjectStatusChanged(ORG, PROJECT, CLIENT, ProjectStatus.COMPLETED,
                        ProjectStatus.ACTIVE));
    }

    @Test
    void cannotChangeTheStatusOfAnotherOrganizationsProject() {
        violates(fixture.given(created()).when(new ChangeProjectStatus(OTHER_ORG, PROJECT, ProjectStatus.ARCHIVED)),
                BusinessRuleViolation.Kind.NOT_FOUND, "project.not_found");
    }

    @Test
    void cannotChangeToNoStatus() {
        violates(fixture.given(created()).when(new ChangeProjectStatus(ORG, PROJECT, null)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "project.status_required");
    }

    // tasks

    @Test
    void addsATask() {
        fixture.given(created())
                .when(new AddTask(ORG, PROJECT, TASK, " Design ", true, new BigDecimal("150")))
                .expectEvents(new TaskAdded(ORG, PROJECT, TASK, "Design", true, new BigDecimal("150")));
    }

    @Test
    void cannotAddATaskWithTheNameOfAnotherActiveTask() {
        violates(fixture.given(created(), taskAdded(TASK, "Design"))
                        .when(new AddTask(ORG, PROJECT, OTHER_TASK, "  DESIGN", true, null)),
                BusinessRuleViolation.Kind.CONFLICT, "task.name_taken");
    }

    @Test
    void anInactiveTasksNameMayBeUsedAgain() {
        fixture.given(created(), taskAdded(TASK, "Design"), new TaskDeactivated(ORG, PROJECT, TASK))
                .when(new AddTask(ORG, PROJECT, OTHER_TASK, "design", false, null))
                .expectEvents(new TaskAdded(ORG, PROJECT, OTHER_TASK, "design", false, null));
    }

    @Test
    void cannotAddATaskWithoutAName() {
        violates(fixture.given(created()).when(new AddTask(ORG, PROJECT, TASK, " ", true, null)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "task.name_required");
    }

    @Test
    void cannotAddATaskWithANegativeRate() {
        violates(fixture.given(created()).when(new AddTask(ORG, PROJECT, TASK, "Design", true, new BigDecimal("-5"))),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "task.rate_negative");
    }

    @Test
    void cannotAddTheSameTaskTwice() {
        violates(fixture.given(created(), taskAdded(TASK, "Design"))
                        .when(new AddTask(ORG, PROJECT, TASK, "Build", true, null)),
                BusinessRuleViolation.Kind.CONFLICT, "task.exists");
    }

    @Test
    void cannotAddATaskToAnArchivedProject() {
        violates(fixture.given(created(), new ProjectStatusChanged(ORG, PROJECT, CLIENT, ProjectStatus.ARCHIVED,
                                ProjectStatus.ACTIVE))
                        .when(new AddTask(ORG, PROJECT, TASK, "Design", true, null)),
                BusinessRuleViolation.Kind.CONFLICT, "project.archived");
    }

    @Test
    void cannotAddATaskToAnotherOrganizationsProject() {
        violates(fixture.given(created()).when(new AddTask(OTHER_ORG, PROJECT, TASK, "Design", true, null)),
                BusinessRuleViolation.Kind.NOT_FOUND, "project.not_found");
    }

    @Test
    void renamesATaskAndChangesItsRate() {
        fixture.given(created(), taskAdded(TASK, "Design"))
                .when(new UpdateTask(ORG, PROJECT, TASK, "UX design", false, new BigDecimal("90"), RATE_CHANGE))
                .expectEvents(new TaskChanged(ORG, PROJECT, TASK, "UX design", false, new BigDecimal("90"),
                        RATE_CHANGE));
    }

    @Test
    void aTaskEditThatKeepsTheRateKeepsTheDateItAppliesFrom() {
        fixture.given(created(), taskAdded(TASK, "Design"),
                        new TaskChanged(ORG, PROJECT, TASK, "Design", true, new BigDecimal("90"), RATE_CHANGE))
                .when(new UpdateTask(ORG, PROJECT, TASK, "UX design", true, new BigDecimal("90"),
                        LocalDate.of(2026, 5, 1)))
                .expectEvents(new TaskChanged(ORG, PROJECT, TASK, "UX design", true, new BigDecimal("90"),
                        RATE_CHANGE));
    }

    @Test
    void aTaskUpdateThatChangesNothingRecordsNothing() {
        fixture.given(created(), taskAdded(TASK, "Design"))
                .when(new UpdateTask(ORG, PROJECT, TASK, "Design ", true, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aTaskMayChangeTheCaseOfItsOwnName() {
        fixture.given(created(), taskAdded(TASK, "Design"))
                .when(new UpdateTask(ORG, PROJECT, TASK, "DESIGN", true, null, RATE_CHANGE))
                .expectEvents(new TaskChanged(ORG, PROJECT, TASK, "DESIGN", true, null, null));
    }

    @Test
    void cannotRenameATaskToAnotherActiveTasksName() {
        violates(fixture.given(created(), taskAdded(TASK, "Design"), taskAdded(OTHER_TASK, "Build"))
                        .when(new UpdateTask(ORG, PROJECT, OTHER_TASK, "design", true, null, null)),
                BusinessRuleViolation.Kind.CONFLICT, "task.name_taken");
    }

    @Test
    void cannotUpdateAnUnknownTask() {
        violates(fixture.given(created()).when(new UpdateTask(ORG, PROJECT, TASK, "Design", true, null, null)),
                BusinessRuleViolation.Kind.NOT_FOUND, "task.not_found");
    }

    @Test
    void cannotUpdateATaskToANegativeRate() {
        violates(fixture.given(created(), taskAdded(TASK, "Design"))
                        .when(new UpdateTask(ORG, PROJECT, TASK, "Design", true, new BigDecimal("-1"), null)),
                BusinessRuleViolation.Kind.UNPROCESSABLE, "task.rate_negative");
    }

    @Test
    void cannotUpdateATaskOfAnArchivedProject() {
        violates(fixture.given(created(), taskAdded(TASK, "Design"), new ProjectStatusChanged(ORG, PROJECT, CLIENT,
                                ProjectStatus.ARCHIVED, ProjectStatus.ACTIVE))
                        .when(new UpdateTask(ORG, PROJECT, TASK, "Build", true, null, null)),
                BusinessRuleViolation.Kind.CONFLICT, "project.archived");
    }

    @Test
    void deactivatesATask() {
        fixture.given(created(), taskAdded(TASK, "Design"))
                .when(new DeactivateTask(ORG, PROJECT, TASK))
                .expectEvents(new TaskDeactivated(ORG, PROJECT, TASK));
    }

    @Test
    void deactivatingAnInactiveTaskRecordsNothing() {
        fixture.given(created(), taskAdded(TASK, "Design"), new TaskDeactivated(ORG, PROJECT, TASK))
                .when(new DeactivateTask(ORG, PROJECT, TASK))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotDeactivateAnUnknownTask() {
        violates(fixture.given(created()).when(new DeactivateTask(ORG, PROJECT, TASK)),
                BusinessRuleViolation.Kind.NOT_FOUND, "task.not_found");
    }

    @Test
    void cannotDeactivateATaskOfAnArchivedProject() {
        violates(fixture.given(created(), taskAdded(TASK, "Design"), new ProjectStatusChanged(ORG, PROJECT, CLIENT,
                                ProjectStatus.ARCHIVED, ProjectStatus.ACTIVE))
                        .when(new DeactivateTask(ORG, PROJECT, TASK)),
                BusinessRuleViolation.Kind.CONFLICT, "project.archived");
    }

    @Test
    void reactivatesATask() {
        fixture.given(created(), taskAdded(TASK, "Design"), new TaskDeactivated(ORG, PROJECT, TASK))
                .when(new ReactivateTask(ORG, PROJECT, TASK))
                .expectEvents(new TaskReactivated(ORG, PROJECT, TASK));
    }

    @Test
    void reactivatingAnActiveTaskRecordsNothing() {
        fixture.given(created(), taskAdded(TASK, "Design"))
                .when(new ReactivateTask(ORG, PROJECT, TASK))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReactivateATaskWhoseNameAnotherActiveTaskTook() {
        violates(fixture.given(created(), taskAdded(TASK, "Design"), new TaskDeactivated(ORG, PROJECT, TASK),
                                taskAdded(OTHER_TASK, "DESIGN"))
                        .when(new ReactivateTask(ORG, PROJECT, TASK)),
                BusinessRuleViolation.Kind.CONFLICT, "task.name_taken");
    }

    @Test
    void cannotReactivateAnUnknownTask() {
        violates(fixture.given(created()).when(new ReactivateTask(ORG, PROJECT, TASK)),
                BusinessRuleViolation.Kind.NOT_FOUND, "task.not_found");
    }

    @Test
    void cannotReactivateATaskOfAnArchivedProject() {
        violates(fixture.given(created(), taskAdded(TASK, "Design"), new TaskDeactivated(ORG, PROJECT, TASK),
                                new ProjectStatusChanged(ORG, PROJECT, CLIENT, ProjectStatus.ARCHIVED,
                                        ProjectStatus.ACTIVE))
                        .when(new ReactivateTask(ORG, PROJECT, TASK)),
                BusinessRuleViolation.Kind.CONFLICT, "project.archived");
    }

    @Test
    void tasksOfAReactivatedProjectMayChangeAgain() {
        fixture.given(created(), taskAdded(TASK, "Design"),
                        new ProjectStatusChanged(ORG, PROJECT, CLIENT, ProjectStatus.ARCHIVED, ProjectStatus.ACTIVE),
                        new ProjectStatusChanged(ORG, PROJECT, CLIENT, ProjectStatus.ACTIVE, ProjectStatus.ARCHIVED))
                .when(new DeactivateTask(ORG, PROJECT, TASK))
                .expectEvents(new TaskDeactivated(ORG, PROJECT, TASK));
    }
}
