package io.ledgerline.app.web;

import java.util.Map;
import org.springframework.dao.DuplicateKeyException;

/**
 * When two requests race past a uniqueness check, the database's unique index refuses the second transaction.
 * This names the rule that index stands for, so the loser gets the same 409 as a request that came later.
 */
final class UniqueConstraints {

    private static final Map<String, ApiProblem> BY_INDEX = Map.of(
            "account_email", ApiProblem.conflict("member.email_taken",
                    "Someone already signs in with this e-mail address."),
            "client_registry_name", ApiProblem.conflict("client.name_taken",
                    "Another client of your organization already has this name."),
            "client_registry_code", ApiProblem.conflict("client.code_taken",
                    "Another client of your organization already has this code."),
            "billed_work_item", ApiProblem.conflict("invoice.work_already_invoiced",
                    "Some of this work was invoiced by another invoice meanwhile. Refresh the draft and retry."),
            "expense_external_id_key", ApiProblem.conflict("expense.external_id_taken",
                    "An expense with this provider's id was already recorded in your organization."),
            "expense_category_registry_name", ApiProblem.conflict("expense_category.name_taken",
                    "Another expense category of your organization already has this name."));

    private UniqueConstraints() {
    }

    static ApiProblem problemFor(DuplicateKeyException duplicate) {
        String message = String.valueOf(duplicate.getMostSpecificCause().getMessage());
        return BY_INDEX.entrySet().stream()
                .filter(entry -> message.contains("\"" + entry.getKey() + "\""))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseGet(() -> ApiProblem.conflict("conflict", "The request conflicts with an existing record."));
    }
}
