package io.ledgerline.projections.invoice;

import io.ledgerline.domain.invoice.InvoiceStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@link InvoiceStatus#on} in SQL, for lists filtered by status and for counts: the read model stores the standing
 * (what the events tell), and whether an open invoice is overdue is decided against today's date in the
 * organization's time zone.
 */
public final class InvoiceStatusSql {

    /** Today in the time zone of the organization bound as {@code :orgId}. */
    public static final String TODAY = "COALESCE((SELECT (now() AT TIME ZONE o.time_zone)::date "
            + "FROM organization_view o WHERE o.org_id = :orgId), CURRENT_DATE)";

    private InvoiceStatusSql() {
    }

    /** The condition on {@code standing} and {@code due_date} for an invoice to show the status on {@code today}. */
    public static String holds(InvoiceStatus status, String today) {
        String open = "standing IN ('UNPAID', 'PARTIALLY_PAID')";
        return switch (status) {
            case OVERDUE -> "(" + open + " AND due_date < " + today + ")";
            case UNPAID, PARTIALLY_PAID -> "(standing = '" + status.name() + "' AND due_date >= " + today + ")";
            case DRAFT, VOID, PAID -> "standing = '" + status.name() + "'";
        };
    }

    /** One count column per status, named after it in lower case: {@code "draft"}, {@code "partially_paid"}… */
    public static String countsPerStatus(String today) {
        return Arrays.stream(InvoiceStatus.values())
                .map(status -> "count(*) FILTER (WHERE " + holds(status, today) + ") AS \"" + column(status) + "\"")
                .collect(Collectors.joining(", "));
    }

    public static String column(InvoiceStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
