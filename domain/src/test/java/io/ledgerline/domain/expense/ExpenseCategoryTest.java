package io.ledgerline.domain.expense;

import static io.ledgerline.domain.shared.BusinessRuleViolation.Kind.CONFLICT;
import static io.ledgerline.domain.shared.BusinessRuleViolation.Kind.NOT_FOUND;
import static io.ledgerline.domain.shared.BusinessRuleViolation.Kind.UNPROCESSABLE;
import static io.ledgerline.domain.shared.Violations.violation;

import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpenseCategoryTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();
    private static final UUID TRAVEL = UUID.randomUUID();
    private static final UUID MEALS = UUID.randomUUID();

    private AggregateTestFixture<ExpenseCategory> fixture;
    private FakeExpenseDirectory names;

    @BeforeEach
    void setUp() {
        names = new FakeExpenseDirectory(ORG);
        fixture = new AggregateTestFixture<>(ExpenseCategory.class);
        fixture.registerInjectableResource(names);
    }

    private static ExpenseCategoryCreated travel() {
        return new ExpenseCategoryCreated(ORG, TRAVEL, "Travel");
    }

    @Test
    void createsACategoryWithATidyName() {
        fixture.givenNoPriorActivity()
                .when(new CreateExpenseCategory(ORG, TRAVEL, "  Travel "))
                .expectEvents(travel());
    }

    @Test
    void aCategoryNeedsAShortName() {
        fixture.givenNoPriorActivity()
                .when(new CreateExpenseCategory(ORG, TRAVEL, " "))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "expense_category.name_required"));
        fixture.givenNoPriorActivity()
                .when(new CreateExpenseCategory(ORG, TRAVEL, "c".repeat(101)))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "expense_category.name_too_long"));
    }

    @Test
    void twoCategoriesNeverShareAName() {
        names.categoryNames.put(MEALS, "Meals  and drinks");
        fixture.givenNoPriorActivity()
                .when(new CreateExpenseCategory(ORG, TRAVEL, "meals and DRINKS"))
                .expectNoEvents().expectException(violation(CONFLICT, "expense_category.name_taken"));
        fixture.given(travel())
                .when(new RenameExpenseCategory(ORG, TRAVEL, "Meals and drinks"))
                .expectNoEvents().expectException(violation(CONFLICT, "expense_category.name_taken"));
    }

    @Test
    void anotherOrganizationsNamesAreNoObstacle() {
        names.categoryNames.put(MEALS, "Travel");
        fixture.givenNoPriorActivity()
                .when(new CreateExpenseCategory(OTHER_ORG, TRAVEL, "Travel"))
                .expectEvents(new ExpenseCategoryCreated(OTHER_ORG, TRAVEL, "Travel"));
    }

    @Test
    void renamesACategoryIncludingItsSpelling() {
        names.categoryNames.put(TRAVEL, "Travel");
        fixture.given(travel())
                .when(new RenameExpenseCategory(ORG, TRAVEL, "TRAVEL"))
                .expectEvents(new ExpenseCategoryRenamed(ORG, TRAVEL, "TRAVEL"));
        fixture.given(travel())
                .when(new RenameExpenseCategory(ORG, TRAVEL, " Travel "))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deactivatesAndReactivatesOnce() {
        fixture.given(travel())
                .when(new DeactivateExpenseCategory(ORG, TRAVEL))
                .expectEvents(new ExpenseCategoryDeactivated(ORG, TRAVEL));
        fixture.given(travel(), new ExpenseCategoryDeactivated(ORG, TRAVEL))
                .when(new DeactivateExpenseCategory(ORG, TRAVEL))
                .expectNoEvents();
        fixture.given(travel(), new ExpenseCategoryDeactivated(ORG, TRAVEL))
                .when(new ReactivateExpenseCategory(ORG, TRAVEL))
                .expectEvents(new ExpenseCategoryReactivated(ORG, TRAVEL));
        fixture.given(travel())
                .when(new ReactivateExpenseCategory(ORG, TRAVEL))
                .expectNoEvents();
    }

    @Test
    void anotherOrganizationsCategoryDoesNotExist() {
        fixture.given(travel())
                .when(new RenameExpenseCategory(OTHER_ORG, TRAVEL, "Mine"))
                .expectNoEvents().expectException(violation(NOT_FOUND, "expense_category.not_found"));
        fixture.given(travel())
                .when(new DeactivateExpenseCategory(OTHER_ORG, TRAVEL))
                .expectNoEvents().expectException(violation(NOT_FOUND, "expense_category.not_found"));
        fixture.given(travel(), new ExpenseCategoryDeactivated(ORG, TRAVEL))
                .when(new ReactivateExpenseCategory(OTHER_ORG, TRAVEL))
                .expectNoEvents().expectException(violation(NOT_FOUND, "expense_category.not_found"));
    }
}
