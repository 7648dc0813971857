package io.ledgerline.domain.expense;

import io.ledgerline.domain.expense.ExpenseDirectory.CategoryStanding;
import io.ledgerline.domain.expense.ExpenseDirectory.ProjectOnFile;
import io.ledgerline.domain.project.ProjectStatus;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import java.util.UUID;

/** The rules for what expenses and merchant mappings name: a merchant, an open project, an active category. */
final class ExpenseReferences {

    private ExpenseReferences() {
    }

    static String validMerchant(String raw) {
        String merchant = Names.tidy(raw);
        if (merchant == null) {
            throw BusinessRuleViolation.unprocessable("expense.merchant_required", "Say where the money was spent.");
        }
        if (merchant.length() > Expense.MAX_MERCHANT_LENGTH) {
            throw BusinessRuleViolation.unprocessable("expense.merchant_too_long",
                    "A merchant has at most " + Expense.MAX_MERCHANT_LENGTH + " characters.");
        }
        return merchant;
    }

    static boolean isOpen(ProjectOnFile project) {
        return project.status() != ProjectStatus.ARCHIVED;
    }

    static ProjectOnFile requireOpenProject(ExpenseDirectory directory, UUID orgId, UUID projectId) {
        ProjectOnFile project = directory.project(orgId, projectId).orElseThrow(() ->
                BusinessRuleViolation.notFound("project.not_found", "No such project."));
        if (!isOpen(project)) {
            throw BusinessRuleViolation.unprocessable("project.archived",
                    "The project is archived; reactivate it before booking expenses on it.");
        }
        return project;
    }

    static void requireActiveCategory(ExpenseDirectory directory, UUID orgId, UUID categoryId) {
        CategoryStanding standing = directory.category(orgId, categoryId).orElseThrow(() ->
                BusinessRuleViolation.notFound("expense_category.not_found", "No such expense category."));
        if (standing == CategoryStanding.INACTIVE) {
            throw BusinessRuleViolation.unprocessable("expense_category.inactive",
                    "The expense category is deactivated; choose an active one.");
        }
    }
}
