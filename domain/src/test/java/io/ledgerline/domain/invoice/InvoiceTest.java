package io.ledgerline.domain.invoice;

import static io.ledgerline.domain.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.domain.client.PostalAddress;
import io.ledgerline.domain.shared.BusinessRuleViolation.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID INVOICE = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID TIME_LINE = UUID.randomUUID();
    private static final UUID EXPENSE_LINE = UUID.randomUUID();
    private static final UUID MANUAL_LINE = UUID.randomUUID();
    private static final UUID ENTRY_1 = UUID.randomUUID();
    private static final UUID ENTRY_2 = UUID.randomUUID();
    private static final UUID EXPENSE = UUID.randomUUID();
    private static final UUID PAYMENT = UUID.randomUUID();
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate ISSUED = LocalDate.of(2026, 5, 4);
    private static final LocalDate DUE = LocalDate.of(2026, 6, 3);
    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate APRIL_30 = LocalDate.of(2026, 4, 30);
    private static final BillTo BILL_TO = new BillTo("Acme Corp", "Accounts Payable", "ap@acme.example",
            new PostalAddress("Hauptstr. 1", null, "Berlin", null, "10115", "DE"), "DE123456789", EUR, 30,
            new BigDecimal("19"));

    private AggregateTestFixture<Invoice> fixture;
    private Numbers numbers;

    /** The organization's sequence as the registry keeps it: the next number per organization. */
    private static final class Numbers implements InvoiceNumbers {

        final Map<UUID, Long> last = new HashMap<>();

        @Override
        public long next(UUID orgId) {
            return last.merge(orgId, 1L, Long::sum);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        numbers = new Numbers();
        fixture.registerInjectableResource(numbers);
    }

    // 7.5 h at 120.00 = 900.00; one expense of 42.50; one manual line 2 × 49.99 = 99.98 → 1042.48, tax 19 % = 198.07
    private static InvoiceLine timeLine() {
        return new InvoiceLine(TIME_LINE, LineKind.TIME, "Website — Design", new BigDecimal("7.5000"),
                new BigDecimal("120.00"), new BigDecimal("900.00"), List.of(ENTRY_1, ENTRY_2), List.of());
    }

    private static InvoiceLine expenseLine() {
        return new InvoiceLine(EXPENSE_LINE, LineKind.EXPENSE, "Train to Hamburg", BigDecimal.ONE,
                new BigDecimal("42.50"), new BigDecimal("42.50"), List.of(), List.of(EXPENSE));
    }

    private static InvoiceLine manualLine() {
        return new InvoiceLine(MANUAL_LINE, LineKind.MANUAL, "Hosting", new BigDecimal("2"), new BigDecimal("49.99"),
                new BigDecimal("99.98"), List.of(), List.of());
    }

    private static DraftLine draft(InvoiceLine line) {
        return new DraftLine(line.lineId(), line.kind(), line.description(), line.quantity(), line.unitPrice(),
                line.timeEntryIds(), line.expenseIds());
    }

    private static CreateInvoiceDraft create(List<DraftLine> lines) {
        return new CreateInvoiceDraft(ORG, INVOICE, CLIENT, List.of(PROJECT), APRIL_1, APRIL_30, LineGrouping.BY_TASK,
                null, null, ISSUED, null, null, BILL_TO, lines);
    }

    private static InvoiceDraftCreated created(List<InvoiceLine> lines) {
        return new InvoiceDraftCreated(ORG, INVOICE, CLIENT, List.of(PROJECT), APRIL_1, APRIL_30, LineGrouping.BY_TASK,
                EUR, new BigDecimal("19"), ISSUED, DUE, null, BILL_TO, lines);
    }

    private static InvoiceDraftCreated created() {
        return created(List.of(timeLine(), expenseLine(), manualLine()));
    }

    private static InvoiceFinalized finalized(String number) {
        return new InvoiceFinalized(ORG, INVOICE, CLIENT, number, ISSUED, DUE, List.of(ENTRY_1, ENTRY_2),
                List.of(EXPENSE));
    }

    private static RecordPayment pay(String amount) {
        return new RecordPayment(ORG, INVOICE, PAYMENT, new BigDecimal(amount), LocalDate.of(2026, 5, 20),
                PaymentMethod.BANK_TRANSFER, " RF18 5390 ");
    }

    // creating

    @Test
    void createsADraftWithTheClientsCurrencyTaxRateAndPaymentTerms() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(draft(timeLine()), draft(expenseLine()), draft(manualLine()))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void linesAreRoundedHalfUpToTheCurrencysMinorUnits() {
        DraftLine fiftyMinutes = new DraftLine(TIME_LINE, LineKind.TIME, "Design", new BigDecimal("0.8333"),
                new BigDecimal("120"), List.of(ENTRY_1), List.of());
        DraftLine yen = DraftLine.manual(MANUAL_LINE, "Licence", new BigDecimal("3"), new BigDecimal("333.5"));
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceDraft(ORG, INVOICE, CLIENT, List.of(), null, null, null,
                        Currency.getInstance("JPY"), BigDecimal.ZERO, ISSUED, DUE, null, BILL_TO,
                        List.of(fiftyMinutes, yen)))
                .expectEvents(new InvoiceDraftCreated(ORG, INVOICE, CLIENT, List.of(), null, null,
                        LineGrouping.BY_TASK, Currency.getInstance("JPY"), BigDecimal.ZERO, ISSUED, DUE, null,
                        BILL_TO, List.of(
                        new InvoiceLine(TIME_LINE, LineKind.TIME, "Design", new BigDecimal("0.8333"),
                                new BigDecimal("120"), new BigDecimal("100"), List.of(ENTRY_1), List.of()),
                        new InvoiceLine(MANUAL_LINE, LineKind.MANUAL, "Licence", new BigDecimal("3"),
                                new BigDecimal("333.5"), new BigDecimal("1001"), List.of(), List.of()))));
    }

    @Test
    void anEmptyDraftMayBeCreated() {
        fixture.givenNoPriorActivity()
                .when(create(List.of()))
                .expectEvents(created(List.of()));
    }

    @Test
    void cannotCreateADraftForAnUnknownClient() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceDraft(ORG, INVOICE, CLIENT, List.of(), null, null, null, null, null, ISSUED,
                        null, null, null, List.of()))
                .expectNoEvents()
                .expectException(violation(Kind.NOT_FOUND, "client.not_found"));
    }

    @Test
    void theDueDateCannotBeBeforeTheIssueDate() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceDraft(ORG, INVOICE, CLIENT, List.of(), null, null, null, null, null, ISSUED,
                        ISSUED.minusDays(1), null, BILL_TO, List.of()))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.due_before_issue"));
    }

    @Test
    void aPeriodNeedsBothDatesInOrder() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceDraft(ORG, INVOICE, CLIENT, List.of(), APRIL_30, APRIL_1, null, null, null,
                        ISSUED, null, null, BILL_TO, List.of()))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.period_invalid"));
    }

    @Test
    void aTaxRateIsAPercentage() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceDraft(ORG, INVOICE, CLIENT, List.of(), null, null, null, null,
                        new BigDecimal("100.5"), ISSUED, null, null, BILL_TO, List.of()))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.tax_rate_invalid"));
    }

    @Test
    void aTimeEntryIsBilledByOneLineOnly() {
        DraftLine again = new DraftLine(UUID.randomUUID(), LineKind.TIME, "Again", BigDecimal.ONE, BigDecimal.TEN,
                List.of(ENTRY_2), List.of());
        fixture.givenNoPriorActivity()
                .when(create(List.of(draft(timeLine()), again)))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.work_listed_twice"));
    }

    @Test
    void aWorkLineNamesItsWork() {
        DraftLine noEntries = new DraftLine(TIME_LINE, LineKind.TIME, "Design", BigDecimal.ONE, BigDecimal.TEN,
                List.of(), List.of());
        fixture.givenNoPriorActivity()
                .when(create(List.of(noEntries)))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.line_work_mismatch"));
    }

    @Test
    void aWorkLineCannotBeBilledBelowZero() {
        DraftLine negative = new DraftLine(TIME_LINE, LineKind.TIME, "Design", BigDecimal.ONE, new BigDecimal("-1"),
                List.of(ENTRY_1), List.of());
        fixture.givenNoPriorActivity()
                .when(create(List.of(negative)))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.line_unit_price_invalid"));
    }

    // editing a draft

    @Test
    void addsAManualLine() {
        UUID lineId = UUID.randomUUID();
        fixture.given(created())
                .when(new AddInvoiceLine(ORG, INVOICE, lineId, " Discount ", BigDecimal.ONE, new BigDecimal("-50")))
                .expectEvents(new InvoiceLineAdded(ORG, INVOICE, new InvoiceLine(lineId, LineKind.MANUAL, "Discount",
                        BigDecimal.ONE, new BigDecimal("-50"), new BigDecimal("-50.00"), List.of(), List.of())));
    }

    @Test
    void cannotAddALineWithATakenId() {
        fixture.given(created())
                .when(new AddInvoiceLine(ORG, INVOICE, MANUAL_LINE, "Hosting", BigDecimal.ONE, BigDecimal.TEN))
                .expectException(violation(Kind.CONFLICT, "invoice.line_exists"));
    }

    @Test
    void aLineNeedsAPositiveQuantity() {
        fixture.given(created())
                .when(new AddInvoiceLine(ORG, INVOICE, UUID.randomUUID(), "Hosting", BigDecimal.ZERO, BigDecimal.TEN))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.line_quantity_invalid"));
    }

    @Test
    void changesAManualLinesQuantityAndPrice() {
        fixture.given(created())
                .when(new ChangeInvoiceLine(ORG, INVOICE, MANUAL_LINE, null, new BigDecimal("3"), null))
                .expectEvents(new InvoiceLineChanged(ORG, INVOICE, new InvoiceLine(MANUAL_LINE, LineKind.MANUAL,
                        "Hosting", new BigDecimal("3"), new BigDecimal("49.99"), new BigDecimal("149.97"), List.of(),
                        List.of())));
    }

    @Test
    void correctsAWorkLinesRateAndDescription() {
        fixture.given(created())
                .when(new ChangeInvoiceLine(ORG, INVOICE, TIME_LINE, "Design (agreed rate)", new BigDecimal("7.5"),
                        new BigDecimal("100")))
                .expectEvents(new InvoiceLineChanged(ORG, INVOICE, new InvoiceLine(TIME_LINE, LineKind.TIME,
                        "Design (agreed rate)", new BigDecimal("7.5000"), new BigDecimal("100"),
                        new BigDecimal("750.00"), List.of(ENTRY_1, ENTRY_2), List.of())));
    }

    @Test
    void cannotChangeTheHoursOfAWorkLine() {
        fixture.given(created())
                .when(new ChangeInvoiceLine(ORG, INVOICE, TIME_LINE, null, new BigDecimal("5"), null))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.work_quantity_fixed"));
    }

    @Test
    void anExpenseLineBillsWhatWasSpent() {
        fixture.given(created())
                .when(new ChangeInvoiceLine(ORG, INVOICE, EXPENSE_LINE, "Train", null, new BigDecimal("50")))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.expense_amount_fixed"));
        fixture.given(created())
                .when(new ChangeInvoiceLine(ORG, INVOICE, EXPENSE_LINE, "Train, 1st class", null, null))
                .expectEvents(new InvoiceLineChanged(ORG, INVOICE, new InvoiceLine(EXPENSE_LINE, LineKind.EXPENSE,
                        "Train, 1st class", BigDecimal.ONE, new BigDecimal("42.50"), new BigDecimal("42.50"),
                        List.of(), List.of(EXPENSE))));
    }

    @Test
    void aChangeThatChangesNothingRecordsNothing() {
        fixture.given(created())
                .when(new ChangeInvoiceLine(ORG, INVOICE, MANUAL_LINE, "Hosting", new BigDecimal("2.00"),
                        new BigDecimal("49.990")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotChangeALineTheDraftDoesNotHave() {
        fixture.given(created())
                .when(new ChangeInvoiceLine(ORG, INVOICE, UUID.randomUUID(), "x", null, null))
                .expectException(violation(Kind.NOT_FOUND, "invoice.line_not_found"));
    }

    @Test
    void removingAWorkLineReleasesItsEntriesFromTheDraft() {
        fixture.given(created())
                .when(new RemoveInvoiceLine(ORG, INVOICE, TIME_LINE))
                .expectEvents(new InvoiceLineRemoved(ORG, INVOICE, TIME_LINE, List.of(ENTRY_1, ENTRY_2), List.of()));
    }

    @Test
    void changesTheTermsKeepingWhatIsNotSent() {
        fixture.given(created())
                .when(new ChangeInvoiceTerms(ORG, INVOICE, null, DUE.plusDays(10), new BigDecimal("7"), " Thanks! "))
                .expectEvents(new InvoiceTermsChanged(ORG, INVOICE, ISSUED, DUE.plusDays(10), new BigDecimal("7"),
                        "Thanks!"));
    }

    @Test
    void theSameTermsRecordNothing() {
        fixture.given(created())
                .when(new ChangeInvoiceTerms(ORG, INVOICE, ISSUED, DUE, new BigDecimal("19.00"), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void termsKeepTheDueDateAfterTheIssueDate() {
        fixture.given(created())
                .when(new ChangeInvoiceTerms(ORG, INVOICE, DUE.plusDays(1), null, null, null))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.due_before_issue"));
    }

    @Test
    void anotherOrganizationFindsNoInvoice() {
        fixture.given(created())
                .when(new RemoveInvoiceLine(OTHER_ORG, INVOICE, TIME_LINE))
                .expectException(violation(Kind.NOT_FOUND, "invoice.not_found"));
    }

    @Test
    void deletesADraft() {
        fixture.given(created())
                .when(new DeleteInvoiceDraft(ORG, INVOICE))
                .expectEvents(new InvoiceDraftDeleted(ORG, INVOICE, CLIENT))
                .expectMarkedDeleted();
    }

    @Test
    void aDeletedDraftTakesNoMoreCommands() {
        fixture.given(created(), new InvoiceDraftDeleted(ORG, INVOICE, CLIENT))
                .when(new FinalizeInvoice(ORG, INVOICE))
                .expectException(AggregateDeletedException.class);
    }

    // finalizing

    @Test
    void finalizingAssignsTheNextNumberAndNamesTheWorkItBills() {
        numbers.last.put(ORG, 41L);
        fixture.given(created())
                .when(new FinalizeInvoice(ORG, INVOICE))
                .expectEvents(finalized("INV-000042"));
        assertThat(numbers.last.get(ORG)).isEqualTo(42L);
    }

    @Test
    void cannotFinalizeAnEmptyInvoice() {
        fixture.given(created(List.of()))
                .when(new FinalizeInvoice(ORG, INVOICE))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.empty"));
        assertThat(numbers.last).isEmpty();
    }

    @Test
    void cannotFinalizeAnInvoiceWhoseLinesRemovedLeaveItEmpty() {
        fixture.given(created(List.of(manualLine())), new InvoiceLineRemoved(ORG, INVOICE, MANUAL_LINE, List.of(),
                        List.of()))
                .when(new FinalizeInvoice(ORG, INVOICE))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.empty"));
    }

    @Test
    void cannotFinalizeAnInvoiceOfNothingOrLess() {
        InvoiceLine credit = new InvoiceLine(UUID.randomUUID(), LineKind.MANUAL, "Credit", BigDecimal.ONE,
                new BigDecimal("-99.98"), new BigDecimal("-99.98"), List.of(), List.of());
        fixture.given(created(List.of(manualLine(), credit)))
                .when(new FinalizeInvoice(ORG, INVOICE))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.total_not_positive"));
    }

    @Test
    void cannotFinalizeTwice() {
        fixture.given(created(), finalized("INV-000001"))
                .when(new FinalizeInvoice(ORG, INVOICE))
                .expectException(violation(Kind.CONFLICT, "invoice.not_draft"));
    }

    @Test
    void aFinalizedInvoiceCannotBeEdited() {
        fixture.given(created(), finalized("INV-000001"))
                .when(new AddInvoiceLine(ORG, INVOICE, UUID.randomUUID(), "Late", BigDecimal.ONE, BigDecimal.TEN))
                .expectException(violation(Kind.CONFLICT, "invoice.not_draft"));
    }

    @Test
    void aFinalizedInvoiceCannotBeDeleted() {
        fixture.given(created(), finalized("INV-000001"))
                .when(new DeleteInvoiceDraft(ORG, INVOICE))
                .expectException(violation(Kind.CONFLICT, "invoice.not_draft"));
    }

    // voiding

    @Test
    void voidingReleasesTheWork() {
        fixture.given(created(), finalized("INV-000007"))
                .when(new VoidInvoice(ORG, INVOICE, " Billed the wrong client "))
                .expectEvents(new InvoiceVoided(ORG, INVOICE, CLIENT, "INV-000007", "Billed the wrong client",
                        List.of(ENTRY_1, ENTRY_2), List.of(EXPENSE)));
    }

    @Test
    void aDraftIsDeletedNotVoided() {
        fixture.given(created())
                .when(new VoidInvoice(ORG, INVOICE, "Oops"))
                .expectException(violation(Kind.CONFLICT, "invoice.not_finalized"));
    }

    @Test
    void cannotVoidAnInvoiceWithPayments() {
        fixture.given(created(), finalized("INV-000001"), new PaymentRecorded(ORG, INVOICE, CLIENT, PAYMENT,
                        new BigDecimal("100.00"), EUR, ISSUED, PaymentMethod.CARD, null, new BigDecimal("1140.55")))
                .when(new VoidInvoice(ORG, INVOICE, "Wrong"))
                .expectException(violation(Kind.CONFLICT, "invoice.has_payments"));
    }

    @Test
    void voidingNeedsAReason() {
        fixture.given(created(), finalized("INV-000001"))
                .when(new VoidInvoice(ORG, INVOICE, "  "))
                .expectException(violation(Kind.UNPROCESSABLE, "invoice.void_reason_required"));
    }

    @Test
    void cannotVoidTwice() {
        fixture.given(created(), finalized("INV-000001"), new InvoiceVoided(ORG, INVOICE, CLIENT, "INV-000001", "x",
                        List.of(ENTRY_1, ENTRY_2), List.of(EXPENSE)))
                .when(new VoidInvoice(ORG, INVOICE, "again"))
                .expectException(violation(Kind.CONFLICT, "invoice.void"));
    }

    // payments (total: 1042.48 + 198.07 tax = 1240.55)

    @Test
    void recordsAPartialPaymentWithTheBalanceLeft() {
        fixture.given(created(), finalized("INV-000001"))
                .when(pay("1000.5"))
                .expectEvents(new PaymentRecorded(ORG, INVOICE, CLIENT, PAYMENT, new BigDecimal("1000.50"), EUR,
                        LocalDate.of(2026, 5, 20), PaymentMethod.BANK_TRANSFER, "RF18 5390",
                        new BigDecimal("240.05")));
    }

    @Test
    void recordsThePaymentThatSettlesTheInvoice() {
        fixture.given(created(), finalized("INV-000001"))
                .when(pay("1240.55"))
                .expectEvents(new PaymentRecorded(ORG, INVOICE, CLIENT, PAYMENT, new BigDecimal("1240.55"), EUR,
                        LocalDate.of(2026, 5, 20), PaymentMethod.BANK_TRANSFER, "RF18 5390",
                        new BigDecimal("0.00")));
    }

    @Test
    void refusesOverpayment() {
        fixture.given(created(), finalized("INV-000001"), new PaymentRecorded(ORG, INVOICE, CLIENT, UUID.randomUUID(),
                        new BigDecimal("1240.00"), EUR, ISSUED, PaymentMethod.CARD, null, new BigDecimal("0.55")))
                .when(pay("0.56"))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "payment.exceeds_balance"));
    }

    @Test
    void aPaymentIsMoreThanZero() {
        fixture.given(created(), finalized("INV-000001"))
                .when(pay("0"))
                .expectException(violation(Kind.UNPROCESSABLE, "payment.amount_not_positive"));
    }

    @Test
    void aPaymentIsInTheCurrencysMinorUnits() {
        fixture.given(created(), finalized("INV-000001"))
                .when(pay("10.005"))
                .expectException(violation(Kind.UNPROCESSABLE, "payment.amount_precision"));
    }

    @Test
    void aPaymentIdIsRecordedOnce() {
        fixture.given(created(), finalized("INV-000001"), new PaymentRecorded(ORG, INVOICE, CLIENT, PAYMENT,
                        new BigDecimal("10.00"), EUR, ISSUED, PaymentMethod.CARD, null, new BigDecimal("1230.55")))
                .when(pay("10"))
                .expectException(violation(Kind.CONFLICT, "payment.exists"));
    }

    @Test
    void aDraftTakesNoPayments() {
        fixture.given(created())
                .when(pay("10"))
                .expectException(violation(Kind.CONFLICT, "invoice.not_finalized"));
    }

    @Test
    void aVoidInvoiceTakesNoPayments() {
        fixture.given(created(), finalized("INV-000001"), new InvoiceVoided(ORG, INVOICE, CLIENT, "INV-000001", "x",
                        List.of(ENTRY_1, ENTRY_2), List.of(EXPENSE)))
                .when(pay("10"))
                .expectException(violation(Kind.CONFLICT, "invoice.void"));
    }

    @Test
    void aPaymentNeedsAMethodAndADate() {
        fixture.given(created(), finalized("INV-000001"))
                .when(new RecordPayment(ORG, INVOICE, PAYMENT, BigDecimal.TEN, LocalDate.of(2026, 5, 20), null, null))
                .expectException(violation(Kind.UNPROCESSABLE, "payment.method_required"));
        fixture.given(created(), finalized("INV-000001"))
                .when(new RecordPayment(ORG, INVOICE, PAYMENT, BigDecimal.TEN, null, PaymentMethod.CASH, null))
                .expectException(violation(Kind.UNPROCESSABLE, "payment.date_required"));
    }

    // the document the events fold into

    @Test
    void theDocumentAddsUpAndTellsItsStatus() {
        Instant at = Instant.parse("2026-05-04T09:00:00Z");
        InvoiceDocument draft = InvoiceDocument.started(created(), at, 0);
        assertThat(draft.subtotal()).isEqualByComparingTo("1042.48");
        assertThat(draft.tax()).isEqualTo(new BigDecimal("198.07"));
        assertThat(draft.total()).isEqualTo(new BigDecimal("1240.55"));
        assertThat(draft.status(DUE)).isEqualTo(InvoiceStatus.DRAFT);
        InvoiceDocument issued = draft.apply(finalized("INV-000001"), at, 1);
        assertThat(issued.status(DUE)).isEqualTo(InvoiceStatus.UNPAID);
        assertThat(issued.status(DUE.plusDays(1))).isEqualTo(InvoiceStatus.OVERDUE);
        InvoiceDocument partly = issued.apply(new PaymentRecorded(ORG, INVOICE, CLIENT, PAYMENT,
                new BigDecimal("240.55"), EUR, DUE, PaymentMethod.CASH, null, new BigDecimal("1000.00")), at, 2);
        assertThat(partly.balanceDue()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(partly.status(DUE)).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(partly.status(DUE.plusDays(1))).isEqualTo(InvoiceStatus.OVERDUE);
        InvoiceDocument paid = partly.apply(new PaymentRecorded(ORG, INVOICE, CLIENT, UUID.randomUUID(),
                new BigDecimal("1000.00"), EUR, DUE, PaymentMethod.CASH, null, new BigDecimal("0.00")), at, 3);
        assertThat(paid.status(DUE.plusDays(100))).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.version()).isEqualTo(3);
    }

    @Test
    void theTaxIsWorkedOutOnceOnTheRoundedSubtotal() {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(new InvoiceLine(UUID.randomUUID(), LineKind.MANUAL, "Item", BigDecimal.ONE,
                    new BigDecimal("0.333"), new BigDecimal("0.33"), List.of(), List.of()));
        }
        InvoiceDocument document = InvoiceDocument.started(created(lines), Instant.EPOCH, 0);
        assertThat(document.subtotal()).isEqualTo(new BigDecimal("0.99"));
        assertThat(document.tax()).isEqualTo(new BigDecimal("0.19"));
        assertThat(document.total()).isEqualTo(new BigDecimal("1.18"));
    }

    @Test
    void rejectsAnythingThatIsNotAnInvoiceEvent() {
        InvoiceDocument document = InvoiceDocument.started(created(), Instant.EPOCH, 0);
        assertThatThrownBy(() -> document.apply("nonsense", Instant.EPOCH, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
