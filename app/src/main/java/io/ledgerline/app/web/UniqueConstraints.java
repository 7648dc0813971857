package io.ledgerline.app.web;

import java.util.Map;
import org.springframework.dao.DuplicateKeyException;

/**
 * When two requests race past a uniqueness check, the database's unique index refuses the second transaction.
 * This names the rule that index stands for, so the loser gets the same 409 as a request that came later.
 */
final class UniqueConstraints {

    private static final Map<String, ApiProblem> BY_INDEX = Map.ofEntries(
            Map.entry("account_email", ApiProblem.conflict("member.email_taken",
                    "Someone already signs in with this e-mail address.")),
            Map.entry("client_registry_name", ApiProblem.conflict("client.name_taken",
                    "Another client of your organization already has this name.")),
            Map.entry("client_registry_code", ApiProblem.conflict("client.code_taken",
                    "Another client of your organization already has this code.")),
            Map.entry("billed_work_item", ApiProblem.conflict("invoice.work_already_invoiced",
                    "Some of this work was invoiced by another invoice meanwhile. Refresh the draft and retry.")),
            Map.entry("expense_external_id_key", ApiProblem.conflict("expense.external_id_taken",
                    "An expense with this provider's id was already recorded in your organization.")),
            Map.entry("expense_category_registry_name", ApiProblem.conflict("expense_category.name_taken",
                    "Another expense category of your organization already has this name.")),
            Map.entry("qbo_link_local", ApiProblem.conflict("qbo.already_linked",
                    "This record is already linked to a QuickBooks record. Unlink it first.")),
            Map.entry("qbo_link_remote", ApiProblem.conflict("qbo.linked_elsewhere",
                    "This QuickBooks record is already linked to another record of your organization.")));

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
