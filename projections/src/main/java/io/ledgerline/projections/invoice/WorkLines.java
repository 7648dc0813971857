package io.ledgerline.projections.invoice;

import io.ledgerline.domain.invoice.DraftLine;
import io.ledgerline.domain.invoice.LineGrouping;
import io.ledgerline.domain.invoice.LineKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How unbilled work becomes the lines of a draft. Time is grouped as asked, its hours summed in minutes first and
 * only then divided (so 3 × 20 minutes bill 1 hour, not 0.9999); every group keeps one hourly rate. Each expense is
 * a line of its own. Lines come in the order of their first work item: by date, then member.
 */
public final class WorkLines {

    /** A line's description is cut to what an invoice line holds. */
    static final int MAX_DESCRIPTION_LENGTH = 500;
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);
    private static final int HOUR_DECIMALS = 4;

    private WorkLines() {
    }

    /** Time entries no rate applies to: a draft is not made while any of them would be billed at nothing. */
    public static List<UUID> withoutRate(List<BillableTime> time) {
        return time.stream().filter(entry -> entry.hourlyRate() == null).map(BillableTime::entryId).toList();
    }

    /** Expenses that can be billed on an invoice in {@code currency}; the others wait for one in theirs. */
    public static List<BillableExpense> inCurrency(List<BillableExpense> expenses, Currency currency) {
        return expenses.stream().filter(expense -> currency.getCurrencyCode().equals(expense.currency())).toList();
    }

    /** Hours of a number of minutes, to four decimals. */
    public static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(MINUTES_PER_HOUR, HOUR_DECIMALS, RoundingMode.HALF_UP);
    }

    /**
     * @param time     entries that all have a rate (see {@link #withoutRate})
     * @param expenses expenses in the invoice's currency (see {@link #inCurrency})
     * @param ids      the id of each new line
     */
    public static List<DraftLine> of(List<BillableTime> time, List<BillableExpense> expenses, LineGrouping grouping,
                                     Supplier<UUID> ids) {
        List<DraftLine> lines = new ArrayList<>(timeLines(time, grouping, ids));
        for (BillableExpense expense : expenses) {
            lines.add(new DraftLine(ids.get(), LineKind.EXPENSE, describe(expense), BigDecimal.ONE, expense.amount(),
                    List.of(), List.of(expense.expenseId())));
        }
        return lines;
    }

    private static List<DraftLine> timeLines(List<BillableTime> time, LineGrouping grouping, Supplier<UUID> ids) {
        Function<BillableTime, Object> key = switch (grouping) {
            case BY_TASK -> entry -> List.of(entry.projectId(), Objects.toString(entry.taskId()), rate(entry));
            case BY_MEMBER -> entry -> List.of(entry.projectId(), entry.memberId(), rate(entry));
            case PER_ENTRY -> BillableTime::entryId;
        };
        Map<Object, List<BillableTime>> groups = new LinkedHashMap<>();
        for (BillableTime entry : time) {
            groups.computeIfAbsent(key.apply(entry), k -> new ArrayList<>()).add(entry);
        }
        List<DraftLine> lines = new ArrayList<>();
        for (List<BillableTime> group : groups.values()) {
            BillableTime first = group.get(0);
            long minutes = group.stream().mapToLong(BillableTime::minutes).sum();
            lines.add(new DraftLine(ids.get(), LineKind.TIME, describe(first, grouping), hours(minutes),
                    first.hourlyRate(), group.stream().map(BillableTime::entryId).toList(), List.of()));
        }
        return lines;
    }

    /** 120 and 120.00 are one rate, so they share a line. */
    private static BigDecimal rate(BillableTime entry) {
        return entry.hourlyRate().stripTrailingZeros();
    }

    private static String describe(BillableTime entry, LineGrouping grouping) {
        String project = Objects.requireNonNullElse(entry.projectName(), "Project");
        String member = Objects.requireNonNullElse(entry.memberName(), "Member");
        String task = entry.taskName() == null ? "" : " — " + entry.taskName();
        return fit(switch (grouping) {
            case BY_TASK -> project + task;
            case BY_MEMBER -> project + " — " + member;
            case PER_ENTRY -> entry.workDate() + " · " + member + " · " + project + task
                    + (entry.description() == null ? "" : ": " + entry.description());
        });
    }

    private static String describe(BillableExpense expense) {
        String what = expense.merchant() != null
                ? expense.merchant() + (expense.category() == null ? "" : " (" + expense.category() + ")")
                : Objects.toString(expense.category(), "Expense");
        return fit(expense.expenseDate() + " · " + what
                + (expense.description() == null ? "" : ": " + expense.description()));
    }

    private static String fit(String description) {
        return description.length() <= MAX_DESCRIPTION_LENGTH ? description
                : description.substring(0, MAX_DESCRIPTION_LENGTH - 1) + "…";
    }
}
