package io.ledgerline.app.web.audit;

import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The resource names of the API (plural, or singular for the one organization) mapped to the aggregate types the
 * event store records. Only types listed here can be audited: a typo is a 400, not an empty history.
 */
final class AuditedResource {

    private static final Map<String, String> AGGREGATE_TYPES = Map.ofEntries(
            Map.entry("organizations", "Organization"), Map.entry("organization", "Organization"),
            Map.entry("members", "Member"), Map.entry("member", "Member"),
            Map.entry("clients", "Client"), Map.entry("client", "Client"),
            Map.entry("projects", "Project"), Map.entry("project", "Project"),
            Map.entry("time-entries", "TimeEntry"), Map.entry("timesheets", "Timesheet"),
            Map.entry("timers", "Timer"),
            Map.entry("invoices", "Invoice"), Map.entry("invoice", "Invoice"),
            Map.entry("expenses", "Expense"), Map.entry("expense-categories", "ExpenseCategory"),
            Map.entry("expense-merchant-mappings", "MerchantMapping"), Map.entry("rate-cards", "RateCard"));

    private AuditedResource() {
    }

    static String aggregateType(String resourceType) {
        String aggregateType = AGGREGATE_TYPES.get(resourceType.toLowerCase(Locale.ROOT));
        if (aggregateType == null) {
            throw ApiProblem.badRequest("audit.unknown_resource_type", "No audited resource type '" + resourceType + "'.",
                    new FieldViolation("resourceType", "invalid",
                            "expected one of " + String.join(", ", new TreeSet<>(AGGREGATE_TYPES.keySet()))));
        }
        return aggregateType;
    }
}
