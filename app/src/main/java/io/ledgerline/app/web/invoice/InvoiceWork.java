package io.ledgerline.app.web.invoice;

import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.domain.invoice.DraftLine;
import io.ledgerline.domain.invoice.InvoiceDocument;
import io.ledgerline.domain.invoice.InvoiceLine;
import io.ledgerline.domain.invoice.LineGrouping;
import io.ledgerline.domain.invoice.LineKind;
import io.ledgerline.projections.invoice.BillableExpense;
import io.ledgerline.projections.invoice.BillableTime;
import io.ledgerline.projections.invoice.UnbilledWork;
import io.ledgerline.projections.invoice.WorkLines;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A client's unbilled work as an invoice sees it: what a new draft bills, and, when the draft is finalized, whether
 * it still bills that work as it stands in the ledger and the expense list (approved, billable, not invoiced, same
 * minutes, same amount). Both read the ledger's and the expense list's read models.
 */
@Component
class InvoiceWork {

    private final UnbilledWork.Time time;
    private final UnbilledWork.Expenses expenses;

    InvoiceWork(UnbilledWork.Time time, UnbilledWork.Expenses expenses) {
        this.time = time;
        this.expenses = expenses;
    }

    /** The unbilled work of a scope; nothing for a draft without a period. */
    record Found(List<BillableTime> time, List<BillableExpense> expenses) {

        static final Found NOTHING = new Found(List.of(), List.of());
    }

    Mono<Found> find(UnbilledWork.Scope scope) {
        return Mono.zip(time.unbilledTime(scope).collectList(), expenses.unbilledExpenses(scope).collectList(),
                Found::new);
    }

    /**
     * The draft's work lines: time grouped as asked, expenses in the invoice's currency.
     *
     * @param ratesCurrency the organization's currency, which hourly rates are kept in
     */
    static List<DraftLine> lines(Found work, LineGrouping grouping, Currency currency, Currency ratesCurrency) {
        if (!work.time().isEmpty() && !currency.equals(ratesCurrency)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invoice.time_in_other_currency",
                    "Hourly rates are kept in " + ratesCurrency + ": time is billed on an invoice in " + ratesCurrency
                            + ", not " + currency + ". Leave the period out and bill by hand, or bill in "
                            + ratesCurrency + ".");
        }
        List<UUID> unrated = WorkLines.withoutRate(work.time());
        if (!unrated.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invoice.rate_missing",
                    unrated.size() + " time entr" + (unrated.size() == 1 ? "y has" : "ies have")
                            + " no hourly rate: set a rate for them, or leave the period out and bill by hand.",
                    unrated.stream().map(id -> new FieldViolation("timeEntryIds", "rate_missing", id.toString()))
                            .toList());
        }
        return WorkLines.of(work.time(), WorkLines.inCurrency(work.expenses(), currency), grouping,
                UUID::randomUUID);
    }

    /**
     * Refuses to finalize a draft whose work changed since it was made: an entry or expense no longer approved,
     * billable or unbilled (rejected, deleted, invoiced elsewhere), a time line whose entries now add up to other
     * hours, an expense line whose expenses now come to another amount.
     */
    Mono<Void> requireUnchanged(InvoiceDocument draft) {
        if (draft.timeEntryIds().isEmpty() && draft.expenseIds().isEmpty()) {
            return Mono.empty();
        }
        UnbilledWork.Scope scope = new UnbilledWork.Scope(draft.orgId(), draft.clientId(),
                new HashSet<>(draft.scope().projectIds()), draft.scope().periodStart(), draft.scope().periodEnd());
        return find(scope).flatMap(found -> {
            List<FieldViolation> changed = changes(draft, found);
            return changed.isEmpty() ? Mono.<Void>empty() : Mono.error(new ApiProblem(HttpStatus.CONFLICT,
                    "invoice.work_changed", "Some of the draft's work is no longer as it billed it (see errors): "
                    + "remove those lines or make the draft again.", changed));
        });
    }

    private static List<FieldViolation> changes(InvoiceDocument draft, Found found) {
        Map<UUID, BillableTime> entries = found.time().stream()
                .collect(Collectors.toMap(BillableTime::entryId, Function.identity()));
        Map<UUID, BillableExpense> spent = found.expenses().stream()
                .filter(expense -> draft.currency().getCurrencyCode().equals(expense.currency()))
                .collect(Collectors.toMap(BillableExpense::expenseId, Function.identity()));
        List<FieldViolation> changes = new ArrayList<>();
        for (InvoiceLine line : draft.lines()) {
            if (line.kind() == LineKind.TIME) {
                List<UUID> gone = line.timeEntryIds().stream().filter(id -> !entries.containsKey(id)).toList();
                gone.forEach(id -> changes.add(new FieldViolation("timeEntryIds", "not_billable", id.toString())));
                long minutes = line.timeEntryIds().stream().filter(entries::containsKey)
                        .mapToLong(id -> entries.get(id).minutes()).sum();
                if (gone.isEmpty() && WorkLines.hours(minutes).compareTo(line.quantity()) != 0) {
                    line.timeEntryIds().forEach(id ->
                            changes.add(new FieldViolation("timeEntryIds", "changed", id.toString())));
                }
            } else if (line.kind() == LineKind.EXPENSE) {
                List<UUID> gone = line.expenseIds().stream().filter(id -> !spent.containsKey(id)).toList();
                gone.forEach(id -> changes.add(new FieldViolation("expenseIds", "not_billable", id.toString())));
                BigDecimal amount = line.expenseIds().stream().filter(spent::containsKey)
                        .map(id -> spent.get(id).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (gone.isEmpty() && amount.compareTo(line.quantity().multiply(line.unitPrice())) != 0) {
                    line.expenseIds().forEach(id ->
                            changes.add(new FieldViolation("expenseIds", "changed", id.toString())));
                }
            }
        }
        return changes;
    }
}
