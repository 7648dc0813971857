package io.ledgerline.domain.expense;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One of the organization's kinds of expense (travel, meals, software…). Categories are deactivated, never
 * deleted, so that the expenses filed under one keep it; a deactivated category keeps its name, and new expenses
 * cannot choose it.
 */
@Aggregate
public class ExpenseCategory {

    public static final int MAX_NAME_LENGTH = 100;

    @AggregateIdentifier
    private UUID categoryId;
    private UUID orgId;
    private String name;
    private boolean active;

    protected ExpenseCategory() {
        // for Axon
    }

    @CommandHandler
    public ExpenseCategory(CreateExpenseCategory command, ExpenseCategoryNames names) {
        String name = validName(command.name());
        if (names.nameTaken(command.orgId(), name, null)) {
            throw nameTaken();
        }
        apply(new ExpenseCategoryCreated(command.orgId(), command.categoryId(), name));
    }

    @CommandHandler
    public void handle(RenameExpenseCategory command, ExpenseCategoryNames names) {
        requireSameOrganization(command);
        String newName = validName(command.name());
        if (newName.equals(name)) {
            return;
        }
        if (!Names.normalize(newName).equals(Names.normalize(name)) && names.nameTaken(orgId, newName, categoryId)) {
            throw nameTaken();
        }
        apply(new ExpenseCategoryRenamed(orgId, categoryId, newName));
    }

    @CommandHandler
    public void handle(DeactivateExpenseCategory command) {
        requireSameOrganization(command);
        if (active) {
            apply(new ExpenseCategoryDeactivated(orgId, categoryId));
        }
    }

    @CommandHandler
    public void handle(ReactivateExpenseCategory command) {
        requireSameOrganization(command);
        if (!active) {
            apply(new ExpenseCategoryReactivated(orgId, categoryId));
        }
    }

    private void requireSameOrganization(OrgScoped command) {
        if (!orgId.equals(command.orgId())) {
            throw BusinessRuleViolation.notFound("expense_category.not_found", "No such expense category.");
        }
    }

    private static String validName(String raw) {
        String name = Names.tidy(raw);
        if (name == null) {
            throw BusinessRuleViolation.unprocessable("expense_category.name_required", "A category needs a name.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw BusinessRuleViolation.unprocessable("expense_category.name_too_long",
                    "A category name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        return name;
    }

    private static BusinessRuleViolation nameTaken() {
        return BusinessRuleViolation.conflict("expense_category.name_taken",
                "Another expense category of your organization already has this name.");
    }

    @EventSourcingHandler
    void on(ExpenseCategoryCreated event) {
        categoryId = event.categoryId();
        orgId = event.orgId();
        name = event.name();
        active = true;
    }

    @EventSourcingHandler
    void on(ExpenseCategoryRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(ExpenseCategoryDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(ExpenseCategoryReactivated event) {
        active = true;
    }
}
