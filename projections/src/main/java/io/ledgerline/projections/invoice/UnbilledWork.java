package io.ledgerline.projections.invoice;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * What an invoice draft is made from: a client's approved, billable, not yet invoiced time and expenses dated
 * within a period, optionally limited to some of its projects. The time ledger and the expense list answer it.
 */
public final class UnbilledWork {

    private UnbilledWork() {
    }

    /**
     * @param projectIds {@code null} or empty for all of the client's projects
     * @param from       first business date included
     * @param to         last business date included
     */
    public record Scope(UUID orgId, UUID clientId, Set<UUID> projectIds, LocalDate from, LocalDate to) {
    }

    /** Answered by the time ledger's read model; entries ordered by date, then member. */
    public interface Time {

        Flux<BillableTime> unbilledTime(Scope scope);
    }

    /** Answered by the expense read model; expenses ordered by date. */
    public interface Expenses {

        Flux<BillableExpense> unbilledExpenses(Scope scope);
    }
}
