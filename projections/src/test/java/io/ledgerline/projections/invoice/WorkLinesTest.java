package io.ledgerline.projections.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.domain.invoice.DraftLine;
import io.ledgerline.domain.invoice.LineGrouping;
import io.ledgerline.domain.invoice.LineKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkLinesTest {

    private static final UUID ADA = UUID.randomUUID();
    private static final UUID GRACE = UUID.randomUUID();
    private static final UUID WEBSITE = UUID.randomUUID();
    private static final UUID DESIGN = UUID.randomUUID();
    private static final LocalDate MONDAY = LocalDate.of(2026, 4, 13);
    private static final BigDecimal RATE = new BigDecimal("120.00");

    private static BillableTime entry(UUID member, String memberName, UUID task, String taskName, int minutes,
                                      BigDecimal rate, String description) {
        return new BillableTime(UUID.randomUUID(), member, memberName, WEBSITE, "Website", task, taskName, MONDAY,
                minutes, description, rate, rate == null ? null : "project");
    }

    private static BillableExpense expense(String currency, String merchant, String category) {
        return new BillableExpense(UUID.randomUUID(), ADA, WEBSITE, "Website", MONDAY.plusDays(1),
                new BigDecimal("42.50"), currency, merchant, category, "Train to Hamburg");
    }

    @Test
    void groupsTimeByTaskAndRateSummingMinutesBeforeDividing() {
        BillableTime first = entry(ADA, "Ada", DESIGN, "Design", 20, RATE, null);
        BillableTime second = entry(GRACE, "Grace", DESIGN, "Design", 20, new BigDecimal("120"), null);
        BillableTime third = entry(ADA, "Ada", DESIGN, "Design", 20, RATE, null);
        BillableTime other = entry(ADA, "Ada", null, null, 45, new BigDecimal("90"), null);
        List<DraftLine> lines = WorkLines.of(List.of(first, second, third, other), List.of(), LineGrouping.BY_TASK,
                UUID::randomUUID);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).description()).isEqualTo("Website — Design");
        assertThat(lines.get(0).quantity()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(lines.get(0).unitPrice()).isEqualTo(RATE);
        assertThat(lines.get(0).timeEntryIds()).containsExactly(first.entryId(), second.entryId(), third.entryId());
        assertThat(lines.get(1).description()).isEqualTo("Website");
        assertThat(lines.get(1).quantity()).isEqualTo(new BigDecimal("0.7500"));
        assertThat(lines.get(1).kind()).isEqualTo(LineKind.TIME);
    }

    @Test
    void groupsTimeByMember() {
        BillableTime ada = entry(ADA, "Ada", DESIGN, "Design", 50, RATE, null);
        BillableTime grace = entry(GRACE, "Grace", null, null, 60, RATE, null);
        BillableTime adaAgain = entry(ADA, "Ada", null, null, 10, RATE, null);
        List<DraftLine> lines = WorkLines.of(List.of(ada, grace, adaAgain), List.of(), LineGrouping.BY_MEMBER,
                UUID::randomUUID);
        assertThat(lines).extracting(DraftLine::description).containsExactly("Website — Ada", "Website — Grace");
        assertThat(lines.get(0).quantity()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(lines.get(0).timeEntryIds()).containsExactly(ada.entryId(), adaAgain.entryId());
    }

    @Test
    void billsEachEntryOnItsOwnLine() {
        BillableTime ada = entry(ADA, "Ada", DESIGN, "Design", 50, RATE, "Wireframes");
        List<DraftLine> lines = WorkLines.of(List.of(ada), List.of(), LineGrouping.PER_ENTRY, UUID::randomUUID);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("2026-04-13 · Ada · Website — Design: Wireframes");
            assertThat(line.quantity()).isEqualTo(new BigDecimal("0.8333"));
        });
        BillableTime verbose = entry(ADA, "Ada", null, null, 5, RATE, "x".repeat(600));
        assertThat(WorkLines.of(List.of(verbose), List.of(), LineGrouping.PER_ENTRY, UUID::randomUUID).get(0)
                .description()).hasSize(500).endsWith("…");
    }

    @Test
    void billsEachExpenseInTheInvoicesCurrencyOnItsOwnLine() {
        BillableExpense euros = expense("EUR", "Deutsche Bahn", "Travel");
        BillableExpense dollars = expense("USD", "Amtrak", "Travel");
        List<BillableExpense> billable = WorkLines.inCurrency(List.of(euros, dollars), Currency.getInstance("EUR"));
        assertThat(billable).containsExactly(euros);
        List<DraftLine> lines = WorkLines.of(List.of(), billable, LineGrouping.BY_TASK, UUID::randomUUID);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.EXPENSE);
            assertThat(line.description()).isEqualTo("2026-04-14 · Deutsche Bahn (Travel): Train to Hamburg");
            assertThat(line.quantity()).isEqualTo(BigDecimal.ONE);
            assertThat(line.unitPrice()).isEqualTo(new BigDecimal("42.50"));
            assertThat(line.expenseIds()).containsExactly(euros.expenseId());
        });
    }

    @Test
    void namesTheEntriesNoRateAppliesTo() {
        BillableTime rated = entry(ADA, "Ada", DESIGN, "Design", 60, RATE, null);
        BillableTime unrated = entry(GRACE, "Grace", DESIGN, "Design", 60, null, null);
        assertThat(WorkLines.withoutRate(List.of(rated, unrated))).containsExactly(unrated.entryId());
    }
}
