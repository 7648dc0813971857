package io.ledgerline.domain.expense;

import static io.ledgerline.domain.shared.BusinessRuleViolation.Kind.CONFLICT;
import static io.ledgerline.domain.shared.BusinessRuleViolation.Kind.NOT_FOUND;
import static io.ledgerline.domain.shared.BusinessRuleViolation.Kind.UNPROCESSABLE;
import static io.ledgerline.domain.shared.Violations.violation;

import io.ledgerline.domain.expense.ExpenseDirectory.CategoryStanding;
import io.ledgerline.domain.expense.ExpenseDirectory.MerchantDefaults;
import io.ledgerline.domain.expense.ExpenseDirectory.ProjectOnFile;
import io.ledgerline.domain.member.Role;
import io.ledgerline.domain.project.ProjectStatus;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpenseTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();
    private static final UUID EXPENSE = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID COLLEAGUE = UUID.randomUUID();
    private static final UUID MANAGER = UUID.randomUUID();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID ADMIN = UUID.randomUUID();
    private static final UUID TRAVEL = UUID.randomUUID();
    private static final UUID MEALS = UUID.randomUUID();
    private static final UUID RETIRED = UUID.randomUUID();
    private static final UUID WEBSITE = UUID.randomUUID();
    private static final UUID ARCHIVED = UUID.randomUUID();
    private static final UUID ACME = UUID.randomUUID();
    private static final UUID GLOBEX = UUID.randomUUID();
    private static final UUID APP = UUID.randomUUID();
    private static final UUID INVOICE = UUID.randomUUID();
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate DATE = LocalDate.of(2026, 5, 4);
    private static final String SHA = "ab".repeat(32);

    private AggregateTestFixture<Expense> fixture;
    private FakeExpenseDirectory directory;

    @BeforeEach
    void setUp() {
        directory = new FakeExpenseDirectory(ORG);
        directory.roles.put(MEMBER, Role.MEMBER);
        directory.roles.put(COLLEAGUE, Role.MEMBER);
        directory.roles.put(MANAGER, Role.MANAGER);
        directory.roles.put(OWNER, Role.OWNER);
        directory.roles.put(ADMIN, Role.ADMIN);
        directory.categories.put(TRAVEL, CategoryStanding.ACTIVE);
        directory.categories.put(MEALS, CategoryStanding.ACTIVE);
        directory.categories.put(RETIRED, CategoryStanding.INACTIVE);
        directory.projects.put(WEBSITE, new ProjectOnFile(ACME, ProjectStatus.ACTIVE));
        directory.projects.put(APP, new ProjectOnFile(GLOBEX, ProjectStatus.COMPLETED));
        directory.projects.put(ARCHIVED, new ProjectOnFile(ACME, ProjectStatus.ARCHIVED));
        fixture = new AggregateTestFixture<>(Expense.class);
        fixture.registerInjectableResource(directory);
    }

    private static CreateExpense create(String amount, UUID categoryId, UUID projectId, boolean billable) {
        return new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, DATE, new BigDecimal(amount), null, " Lufthansa ",
                categoryId, projectId, " Flight to the kick-off ", billable, true, null);
    }

    private static ExpenseCreated created() {
        return new ExpenseCreated(ORG, EXPENSE, MEMBER, MEMBER, DATE, new BigDecimal("420.50"), EUR, "Lufthansa",
                TRAVEL, WEBSITE, ACME, "Flight to the kick-off", true, true, ExpenseSource.MANUAL, null);
    }

    private static ChangeExpense change(UUID actor) {
        return new ChangeExpense(ORG, EXPENSE, actor, null, new BigDecimal("399"), null, null, null, null, false, null,
                null, null);
    }

    private static ExpenseChanged changed() {
        return new ExpenseChanged(ORG, EXPENSE, MEMBER, DATE, new BigDecimal("399.00"), EUR, "Lufthansa", TRAVEL,
                WEBSITE, ACME, "Flight to the kick-off", true, true);
    }

    private static ExpenseSubmitted submitted() {
        return new ExpenseSubmitted(ORG, EXPENSE, MEMBER, MEMBER);
    }

    private static ExpenseApproved approved() {
        return new ExpenseApproved(ORG, EXPENSE, MEMBER, MANAGER);
    }

    private static ExpenseUnlocked unlocked(ExpenseLock lock) {
        return new ExpenseUnlocked(ORG, EXPENSE, MEMBER, ADMIN, lock, "Wrong amount");
    }

    private static AttachReceipt attach(String contentType, long size) {
        return new AttachReceipt(ORG, EXPENSE, MEMBER, contentType, size, SHA, "boarding-pass.pdf");
    }

    private static void violates(ResultValidator<Expense> result, BusinessRuleViolation.Kind kind, String code) {
        result.expectNoEvents().expectException(violation(kind, code));
    }

    // recording

    @Test
    void recordsAnExpenseInTheOrganizationsCurrencyAtItsMinorUnits() {
        fixture.givenNoPriorActivity()
                .when(create("420.5", TRAVEL, WEBSITE, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void recordsAnExpenseInAnotherCurrencyWithoutMinorUnits() {
        Currency yen = Currency.getInstance("JPY");
        fixture.givenNoPriorActivity()
                .when(new CreateExpense(ORG, EXPENSE, MEMBER, MANAGER, DATE, new BigDecimal("4200.00"), yen, "Taxi",
                        TRAVEL, null, null, false, false, null))
                .expectEvents(new ExpenseCreated(ORG, EXPENSE, MEMBER, MANAGER, DATE, new BigDecimal("4200"), yen,
                        "Taxi", TRAVEL, null, null, null, false, false, ExpenseSource.MANUAL, null));
    }

    @Test
    void cannotRecordMoreDecimalsThanTheCurrencyHas() {
        violates(fixture.givenNoPriorActivity().when(create("10.005", TRAVEL, null, false)),
                UNPROCESSABLE, "expense.amount_precision");
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, DATE, new BigDecimal("100.5"),
                                Currency.getInstance("JPY"), "Taxi", TRAVEL, null, null, false, false, null)),
                UNPROCESSABLE, "expense.amount_precision");
    }

    @Test
    void cannotRecordAnAmountOfZeroOrLess() {
        violates(fixture.givenNoPriorActivity().when(create("0", TRAVEL, null, false)),
                UNPROCESSABLE, "expense.amount_not_positive");
        violates(fixture.givenNoPriorActivity().when(create("-3.00", TRAVEL, null, false)),
                UNPROCESSABLE, "expense.amount_not_positive");
    }

    @Test
    void cannotRecordAnAmountBeyondFifteenDigits() {
        violates(fixture.givenNoPriorActivity().when(create("1000000000000000", TRAVEL, null, false)),
                UNPROCESSABLE, "expense.amount_too_large");
    }

    @Test
    void cannotRecordInAPseudoCurrency() {
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, DATE, BigDecimal.ONE,
                                Currency.getInstance("XAU"), "Bullion", TRAVEL, null, null, false, false, null)),
                UNPROCESSABLE, "expense.currency_not_money");
    }

    @Test
    void cannotRecordWithoutDateOrMerchant() {
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, null, BigDecimal.TEN, null, "Taxi",
                                TRAVEL, null, null, false, false, null)),
                UNPROCESSABLE, "expense.date_required");
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, DATE, BigDecimal.TEN, null, "  ",
                                TRAVEL, null, null, false, false, null)),
                UNPROCESSABLE, "expense.merchant_required");
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, DATE, BigDecimal.TEN, null,
                                "m".repeat(201), TRAVEL, null, null, false, false, null)),
                UNPROCESSABLE, "expense.merchant_too_long");
    }

    @Test
    void cannotRecordADescriptionOver2000Characters() {
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, DATE, BigDecimal.TEN, null, "Taxi",
                                TRAVEL, null, "d".repeat(2001), false, false, null)),
                UNPROCESSABLE, "expense.description_too_long");
    }

    @Test
    void anExpenseNeedsAnActiveCategoryOfTheOrganization() {
        violates(fixture.givenNoPriorActivity().when(create("10", null, null, false)),
                UNPROCESSABLE, "expense.category_required");
        violates(fixture.givenNoPriorActivity().when(create("10", UUID.randomUUID(), null, false)),
                NOT_FOUND, "expense_category.not_found");
        violates(fixture.givenNoPriorActivity().when(create("10", RETIRED, null, false)),
                UNPROCESSABLE, "expense_category.inactive");
    }

    @Test
    void anExpensesProjectMustBeOneOfTheOrganizationsOpenProjects() {
        violates(fixture.givenNoPriorActivity().when(create("10", TRAVEL, UUID.randomUUID(), false)),
                NOT_FOUND, "project.not_found");
        violates(fixture.givenNoPriorActivity().when(create("10", TRAVEL, ARCHIVED, false)),
                UNPROCESSABLE, "project.archived");
    }

    @Test
    void aCompletedProjectStillTakesExpenses() {
        fixture.givenNoPriorActivity()
                .when(create("10", TRAVEL, APP, true))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aBillableExpenseNeedsAProject() {
        violates(fixture.givenNoPriorActivity().when(create("10", TRAVEL, null, true)),
                UNPROCESSABLE, "expense.billable_needs_project");
    }

    @Test
    void cannotRecordForSomeoneWhoIsNotAnActiveMember() {
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(ORG, EXPENSE, UUID.randomUUID(), MANAGER, DATE, BigDecimal.TEN, null,
                                "Taxi", TRAVEL, null, null, false, false, null)),
                NOT_FOUND, "member.not_found");
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(OTHER_ORG, EXPENSE, MEMBER, MEMBER, DATE, BigDecimal.TEN, null,
                                "Taxi", TRAVEL, null, null, false, false, null)),
                NOT_FOUND, "member.not_found");
    }

    @Test
    void theMerchantsMappingFillsTheCategoryAndProjectLeftOut() {
        UUID mapping = MerchantMapping.idFor(ORG, "lufthansa");
        directory.mappings.put(mapping, new MerchantDefaults(mapping, WEBSITE, TRAVEL));
        fixture.givenNoPriorActivity()
                .when(create("420.50", null, null, false))
                .expectEvents(new ExpenseCreated(ORG, EXPENSE, MEMBER, MEMBER, DATE, new BigDecimal("420.50"), EUR,
                        "Lufthansa", TRAVEL, WEBSITE, ACME, "Flight to the kick-off", false, true,
                        ExpenseSource.MANUAL, new AppliedDefaults(mapping, true, true)));
    }

    @Test
    void theMerchantsMappingNeverOverridesWhatTheExpenseSays() {
        UUID mapping = MerchantMapping.idFor(ORG, "Lufthansa");
        directory.mappings.put(mapping, new MerchantDefaults(mapping, WEBSITE, TRAVEL));
        fixture.givenNoPriorActivity()
                .when(create("420.50", MEALS, null, false))
                .expectEvents(new ExpenseCreated(ORG, EXPENSE, MEMBER, MEMBER, DATE, new BigDecimal("420.50"), EUR,
                        "Lufthansa", MEALS, WEBSITE, ACME, "Flight to the kick-off", false, true,
                        ExpenseSource.MANUAL, new AppliedDefaults(mapping, true, false)));
        fixture.givenNoPriorActivity()
                .when(create("420.50", MEALS, APP, false))
                .expectEvents(new ExpenseCreated(ORG, EXPENSE, MEMBER, MEMBER, DATE, new BigDecimal("420.50"), EUR,
                        "Lufthansa", MEALS, APP, GLOBEX, "Flight to the kick-off", false, true,
                        ExpenseSource.MANUAL, null));
    }

    @Test
    void aStaleMappingFillsNothing() {
        UUID mapping = MerchantMapping.idFor(ORG, "Lufthansa");
        directory.mappings.put(mapping, new MerchantDefaults(mapping, ARCHIVED, RETIRED));
        violates(fixture.givenNoPriorActivity().when(create("420.50", null, null, false)),
                UNPROCESSABLE, "expense.category_required");
        fixture.givenNoPriorActivity()
                .when(create("420.50", TRAVEL, null, false))
                .expectEvents(new ExpenseCreated(ORG, EXPENSE, MEMBER, MEMBER, DATE, new BigDecimal("420.50"), EUR,
                        "Lufthansa", TRAVEL, null, null, "Flight to the kick-off", false, true,
                        ExpenseSource.MANUAL, null));
    }

    @Test
    void anImportedExpenseKeepsItsProvidersId() {
        fixture.givenNoPriorActivity()
                .when(new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, DATE, BigDecimal.TEN, null, "Uber", TRAVEL, null,
                        null, false, false, new ExpenseSource(ExpenseSourceType.EXTERNAL, " Ramp ", " tx-1 ")))
                .expectEvents(new ExpenseCreated(ORG, EXPENSE, MEMBER, MEMBER, DATE, new BigDecimal("10.00"), EUR,
                        "Uber", TRAVEL, null, null, null, false, false,
                        new ExpenseSource(ExpenseSourceType.EXTERNAL, "ramp", "tx-1"), null));
    }

    @Test
    void anImportNeverRecordsTheSameExpenseTwice() {
        directory.externalIds.add(ORG + "/ramp/tx-1");
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, DATE, BigDecimal.TEN, null, "Uber",
                                TRAVEL, null, null, false, false,
                                new ExpenseSource(ExpenseSourceType.EXTERNAL, "ramp", "tx-1"))),
                CONFLICT, "expense.external_id_taken");
    }

    @Test
    void aSourceMustBeComplete() {
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, DATE, BigDecimal.TEN, null, "Uber",
                                TRAVEL, null, null, false, false,
                                new ExpenseSource(ExpenseSourceType.EXTERNAL, "ramp", " "))),
                UNPROCESSABLE, "expense.source_invalid");
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, DATE, BigDecimal.TEN, null, "Uber",
                                TRAVEL, null, null, false, false,
                                new ExpenseSource(ExpenseSourceType.EXTERNAL, "r@mp", "tx-1"))),
                UNPROCESSABLE, "expense.source_invalid");
        violates(fixture.givenNoPriorActivity()
                        .when(new CreateExpense(ORG, EXPENSE, MEMBER, MEMBER, DATE, BigDecimal.TEN, null, "Uber",
                                TRAVEL, null, null, false, false,
                                new ExpenseSource(ExpenseSourceType.MANUAL, null, "tx-1"))),
                UNPROCESSABLE, "expense.source_invalid");
    }

    // changing

    @Test
    void aChangeKeepsWhatItLeavesOut() {
        fixture.given(created())
                .when(change(MEMBER))
                .expectEvents(changed());
    }

    @Test
    void aChangeThatChangesNothingRecordsNothing() {
        fixture.given(created())
                .when(new ChangeExpense(ORG, EXPENSE, MEMBER, DATE, new BigDecimal("420.5"), EUR, " Lufthansa",
                        TRAVEL, WEBSITE, false, "Flight to the kick-off", true, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aChangeOfProjectRecordsItsClient() {
        fixture.given(created())
                .when(new ChangeExpense(ORG, EXPENSE, MEMBER, null, null, null, null, null, APP, false, "", null,
                        null))
                .expectEvents(new ExpenseChanged(ORG, EXPENSE, MEMBER, DATE, new BigDecimal("420.50"), EUR,
                        "Lufthansa", TRAVEL, APP, GLOBEX, null, true, true));
    }

    @Test
    void aBillableExpenseCannotLeaveItsProject() {
        violates(fixture.given(created())
                        .when(new ChangeExpense(ORG, EXPENSE, MEMBER, null, null, null, null, null, null, true, null,
                                null, null)),
                UNPROCESSABLE, "expense.billable_needs_project");
        fixture.given(created())
                .when(new ChangeExpense(ORG, EXPENSE, MEMBER, null, null, null, null, null, null, true, null, false,
                        null))
                .expectEvents(new ExpenseChanged(ORG, EXPENSE, MEMBER, DATE, new BigDecimal("420.50"), EUR,
                        "Lufthansa", TRAVEL, null, null, "Flight to the kick-off", false, true));
    }

    @Test
    void aDeactivatedCategoryStaysButCannotBeChosenAgain() {
        directory.categories.put(TRAVEL, CategoryStanding.INACTIVE);
        fixture.given(created())
                .when(change(MEMBER))
                .expectEvents(changed());
        violates(fixture.given(created())
                        .when(new ChangeExpense(ORG, EXPENSE, MEMBER, null, null, null, null, RETIRED, null, false,
                                null, null, null)),
                UNPROCESSABLE, "expense_category.inactive");
    }

    @Test
    void anArchivedProjectStaysButCannotBeChosenAgain() {
        directory.projects.put(WEBSITE, new ProjectOnFile(ACME, ProjectStatus.ARCHIVED));
        fixture.given(created())
                .when(change(MEMBER))
                .expectEvents(changed());
        violates(fixture.given(created())
                        .when(new ChangeExpense(ORG, EXPENSE, MEMBER, null, null, null, null, null, ARCHIVED, false,
                                null, null, null)),
                UNPROCESSABLE, "project.archived");
    }

    @Test
    void aChangedAmountMustFitTheChangedCurrency() {
        violates(fixture.given(created())
                        .when(new ChangeExpense(ORG, EXPENSE, MEMBER, null, null, Currency.getInstance("JPY"), null,
                                null, null, false, null, null, null)),
                UNPROCESSABLE, "expense.amount_precision");
    }

    @Test
    void anotherMembersExpenseDoesNotExistForAMember() {
        violates(fixture.given(created()).when(change(COLLEAGUE)), NOT_FOUND, "expense.not_found");
        violates(fixture.given(created()).when(new SubmitExpense(ORG, EXPENSE, COLLEAGUE)),
                NOT_FOUND, "expense.not_found");
        violates(fixture.given(created()).when(new DeleteExpense(ORG, EXPENSE, COLLEAGUE)),
                NOT_FOUND, "expense.not_found");
        violates(fixture.given(created())
                        .when(new AttachReceipt(ORG, EXPENSE, COLLEAGUE, "image/png", 1, SHA, "scan.png")),
                NOT_FOUND, "expense.not_found");
    }

    @Test
    void aManagerMayHandleAMembersExpense() {
        fixture.given(created())
                .when(change(MANAGER))
                .expectEvents(changed());
        fixture.given(created())
                .when(new SubmitExpense(ORG, EXPENSE, MANAGER))
                .expectEvents(new ExpenseSubmitted(ORG, EXPENSE, MEMBER, MANAGER));
    }

    @Test
    void anotherOrganizationsExpenseDoesNotExist() {
        violates(fixture.given(created())
                        .when(new ChangeExpense(OTHER_ORG, EXPENSE, MEMBER, null, BigDecimal.ONE, null, null, null,
                                null, false, null, null, null)),
                NOT_FOUND, "expense.not_found");
        violates(fixture.given(created(), submitted()).when(new ApproveExpense(OTHER_ORG, EXPENSE, MANAGER)),
                NOT_FOUND, "expense.not_found");
        violates(fixture.given(created(), approved()).when(new UnlockExpense(OTHER_ORG, EXPENSE, ADMIN, "x")),
                NOT_FOUND, "expense.not_found");
    }

    // the workflow

    @Test
    void aDraftIsSubmittedOnce() {
        fixture.given(created())
                .when(new SubmitExpense(ORG, EXPENSE, MEMBER))
                .expectEvents(submitted());
        fixture.given(created(), submitted())
                .when(new SubmitExpense(ORG, EXPENSE, MEMBER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotChangeOrDeleteASubmittedExpense() {
        violates(fixture.given(created(), submitted()).when(change(MEMBER)), CONFLICT, "expense.submitted");
        violates(fixture.given(created(), submitted()).when(new DeleteExpense(ORG, EXPENSE, MEMBER)),
                CONFLICT, "expense.submitted");
        violates(fixture.given(created(), submitted()).when(attach("application/pdf", 100)),
                CONFLICT, "expense.submitted");
    }

    @Test
    void aManagerApprovesASubmittedExpense() {
        fixture.given(created(), submitted())
                .when(new ApproveExpense(ORG, EXPENSE, MANAGER))
                .expectEvents(approved());
        fixture.given(created(), submitted(), approved())
                .when(new ApproveExpense(ORG, EXPENSE, MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotApproveOrRejectWhatIsNotSubmitted() {
        violates(fixture.given(created()).when(new ApproveExpense(ORG, EXPENSE, MANAGER)),
                CONFLICT, "expense.not_submitted");
        violates(fixture.given(created()).when(new RejectExpense(ORG, EXPENSE, MANAGER, "No receipt")),
                CONFLICT, "expense.not_submitted");
    }

    @Test
    void aManagerCannotDecideOnTheirOwnExpense() {
        ExpenseCreated managers = new ExpenseCreated(ORG, EXPENSE, MANAGER, MANAGER, DATE, BigDecimal.TEN, EUR, "Taxi",
                TRAVEL, null, null, null, false, true, ExpenseSource.MANUAL, null);
        ExpenseSubmitted submittedByManager = new ExpenseSubmitted(ORG, EXPENSE, MANAGER, MANAGER);
        violates(fixture.given(managers, submittedByManager).when(new ApproveExpense(ORG, EXPENSE, MANAGER)),
                UNPROCESSABLE, "expense.own_approval");
        violates(fixture.given(managers, submittedByManager).when(new RejectExpense(ORG, EXPENSE, MANAGER, "Oops")),
                UNPROCESSABLE, "expense.own_approval");
    }

    @Test
    void anOwnerOrAdminMayApproveTheirOwnExpense() {
        for (UUID boss : new UUID[] {OWNER, ADMIN}) {
            fixture.given(new ExpenseCreated(ORG, EXPENSE, boss, boss, DATE, BigDecimal.TEN, EUR, "Taxi", TRAVEL, null,
                            null, null, false, true, ExpenseSource.MANUAL, null),
                            new ExpenseSubmitted(ORG, EXPENSE, boss, boss))
                    .when(new ApproveExpense(ORG, EXPENSE, boss))
                    .expectEvents(new ExpenseApproved(ORG, EXPENSE, boss, boss));
        }
    }

    @Test
    void aRejectionNeedsAReason() {
        violates(fixture.given(created(), submitted()).when(new RejectExpense(ORG, EXPENSE, MANAGER, "  ")),
                UNPROCESSABLE, "expense.reason_required");
        violates(fixture.given(created(), submitted())
                        .when(new RejectExpense(ORG, EXPENSE, MANAGER, "r".repeat(1001))),
                UNPROCESSABLE, "expense.reason_too_long");
    }

    @Test
    void aRejectedExpenseIsChangedAndSubmittedAgain() {
        ExpenseRejected rejected = new ExpenseRejected(ORG, EXPENSE, MEMBER, MANAGER, "No receipt");
        fixture.given(created(), submitted())
                .when(new RejectExpense(ORG, EXPENSE, MANAGER, " No receipt "))
                .expectEvents(rejected);
        fixture.given(created(), submitted(), rejected)
                .when(change(MEMBER))
                .expectEvents(changed());
        fixture.given(created(), submitted(), rejected, changed())
                .when(new SubmitExpense(ORG, EXPENSE, MEMBER))
                .expectEvents(submitted());
    }

    @Test
    void anApprovedExpenseIsLocked() {
        violates(fixture.given(created(), submitted(), approved()).when(change(MEMBER)),
                CONFLICT, "expense.approved");
        violates(fixture.given(created(), submitted(), approved()).when(new DeleteExpense(ORG, EXPENSE, MEMBER)),
                CONFLICT, "expense.approved");
        violates(fixture.given(created(), submitted(), approved()).when(new SubmitExpense(ORG, EXPENSE, MEMBER)),
                CONFLICT, "expense.approved");
        violates(fixture.given(created(), submitted(), approved())
                        .when(new RejectExpense(ORG, EXPENSE, MANAGER, "Changed my mind")),
                CONFLICT, "expense.approved");
    }

    // unlocking

    @Test
    void anUnlockLetsExactlyOneChangeThrough() {
        fixture.given(created(), submitted(), approved())
                .when(new UnlockExpense(ORG, EXPENSE, ADMIN, " Wrong amount "))
                .expectEvents(unlocked(ExpenseLock.APPROVED));
        fixture.given(created(), submitted(), approved(), unlocked(ExpenseLock.APPROVED))
                .when(change(MEMBER))
                .expectEvents(changed());
        violates(fixture.given(created(), submitted(), approved(), unlocked(ExpenseLock.APPROVED), changed())
                        .when(new ChangeExpense(ORG, EXPENSE, MEMBER, null, BigDecimal.ONE, null, null, null, null,
                                false, null, null, null)),
                CONFLICT, "expense.approved");
    }

    @Test
    void anUnlockedExpenseMayBeDeleted() {
        fixture.given(created(), submitted(), unlocked(ExpenseLock.SUBMITTED))
                .when(new DeleteExpense(ORG, EXPENSE, MEMBER))
                .expectEvents(new ExpenseDeleted(ORG, EXPENSE, MEMBER))
                .expectMarkedDeleted();
    }

    @Test
    void anUnlockEndsWithTheNextStatusChange() {
        violates(fixture.given(created(), submitted(), unlocked(ExpenseLock.SUBMITTED), approved())
                        .when(change(MEMBER)),
                CONFLICT, "expense.approved");
    }

    @Test
    void unlockingAgainRecordsNothing() {
        fixture.given(created(), submitted(), approved(), unlocked(ExpenseLock.APPROVED))
                .when(new UnlockExpense(ORG, EXPENSE, ADMIN, "Again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnlockNeedsAReasonAndALock() {
        violates(fixture.given(created(), submitted()).when(new UnlockExpense(ORG, EXPENSE, ADMIN, "")),
                UNPROCESSABLE, "expense.reason_required");
        violates(fixture.given(created()).when(new UnlockExpense(ORG, EXPENSE, ADMIN, "Why not")),
                CONFLICT, "expense.not_locked");
    }

    @Test
    void anInvoicedExpenseIsCorrectedOnlyAfterAnUnlock() {
        directory.invoices.put(EXPENSE, INVOICE);
        violates(fixture.given(created(), submitted(), approved()).when(change(MEMBER)),
                CONFLICT, "expense.invoiced");
        fixture.given(created(), submitted(), approved())
                .when(new UnlockExpense(ORG, EXPENSE, ADMIN, "Wrong amount"))
                .expectEvents(unlocked(ExpenseLock.INVOICED));
        fixture.given(created(), submitted(), approved(), unlocked(ExpenseLock.INVOICED))
                .when(change(MEMBER))
                .expectEvents(changed());
    }

    @Test
    void anInvoicedExpenseIsNeverDeleted() {
        directory.invoices.put(EXPENSE, INVOICE);
        violates(fixture.given(created(), submitted(), approved(), unlocked(ExpenseLock.INVOICED))
                        .when(new DeleteExpense(ORG, EXPENSE, MEMBER)),
                CONFLICT, "expense.invoiced");
    }

    // deleting

    @Test
    void aDraftIsDeleted() {
        fixture.given(created())
                .when(new DeleteExpense(ORG, EXPENSE, MEMBER))
                .expectEvents(new ExpenseDeleted(ORG, EXPENSE, MEMBER))
                .expectMarkedDeleted();
    }

    // receipts

    @Test
    void aReceiptIsAttachedAndReplaced() {
        ReceiptAttached attached = new ReceiptAttached(ORG, EXPENSE, MEMBER, "application/pdf", 2048, SHA,
                "boarding-pass.pdf");
        fixture.given(created())
                .when(attach("Application/PDF", 2048))
                .expectEvents(attached);
        fixture.given(created(), attached)
                .when(attach("application/pdf", 2048))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created(), attached)
                .when(new AttachReceipt(ORG, EXPENSE, MEMBER, "image/png", 99, "cd".repeat(32), "scan.png"))
                .expectEvents(new ReceiptAttached(ORG, EXPENSE, MEMBER, "image/png", 99, "cd".repeat(32),
                        "scan.png"));
    }

    @Test
    void aReceiptIsAnImageOrPdfOfAtMostFiveMegabytes() {
        violates(fixture.given(created()).when(attach("text/html", 100)), UNPROCESSABLE, "receipt.unsupported_type");
        violates(fixture.given(created()).when(attach("image/png", Expense.MAX_RECEIPT_BYTES + 1)),
                UNPROCESSABLE, "receipt.size_invalid");
        violates(fixture.given(created()).when(attach("image/png", 0)), UNPROCESSABLE, "receipt.size_invalid");
        violates(fixture.given(created())
                        .when(new AttachReceipt(ORG, EXPENSE, MEMBER, "image/png", 1, "nothex", "scan.png")),
                UNPROCESSABLE, "receipt.digest_invalid");
        violates(fixture.given(created())
                        .when(new AttachReceipt(ORG, EXPENSE, MEMBER, "image/png", 1, SHA, " ")),
                UNPROCESSABLE, "receipt.filename_invalid");
    }

    @Test
    void aReceiptIsRemovedOnlyWhenThereIsOne() {
        violates(fixture.given(created()).when(new RemoveReceipt(ORG, EXPENSE, MEMBER)),
                NOT_FOUND, "receipt.not_found");
        fixture.given(created(), new ReceiptAttached(ORG, EXPENSE, MEMBER, "image/png", 1, SHA, "scan.png"))
                .when(new RemoveReceipt(ORG, EXPENSE, MEMBER))
                .expectEvents(new ReceiptRemoved(ORG, EXPENSE, MEMBER));
    }

    @Test
    void anApprovedExpensesReceiptIsLockedWithIt() {
        ReceiptAttached attached = new ReceiptAttached(ORG, EXPENSE, MEMBER, "image/png", 1, SHA, "scan.png");
        violates(fixture.given(created(), attached, submitted(), approved())
                        .when(new RemoveReceipt(ORG, EXPENSE, MEMBER)),
                CONFLICT, "expense.approved");
        fixture.given(created(), attached, submitted(), approved(), unlocked(ExpenseLock.APPROVED))
                .when(new RemoveReceipt(ORG, EXPENSE, MEMBER))
                .expectEvents(new ReceiptRemoved(ORG, EXPENSE, MEMBER));
    }
}
