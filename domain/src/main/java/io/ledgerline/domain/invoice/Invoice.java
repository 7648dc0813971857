package io.ledgerline.domain.invoice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A bill to a client. A draft is edited freely; finalizing gives it the next number of the organization's sequence
 * and claims the work it bills; after that it only takes payments, or a void that releases the work (its number
 * stays used). Its state is the {@link InvoiceDocument} folded from its events.
 */
@Aggregate
public class Invoice {

    static final int MAX_DESCRIPTION_LENGTH = 500;
    static final int MAX_NOTES_LENGTH = 5_000;
    static final int MAX_REASON_LENGTH = 500;
    static final int MAX_REFERENCE_LENGTH = 200;
    /** Quantities (hours) and unit prices (rates) are kept to four decimals, amounts to the currency's. */
    static final int MAX_DECIMALS = 4;
    private static final BigDecimal MAX_TAX_RATE = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private UUID invoiceId;
    private InvoiceDocument document;

    protected Invoice() {
        // for Axon
    }

    @CommandHandler
    public Invoice(CreateInvoiceDraft command) {
        BillTo billTo = command.billTo();
        if (command.clientId() == null || billTo == null) {
            throw BusinessRuleViolation.notFound("client.not_found", "No such client.");
        }
        Currency currency = command.currency() != null ? command.currency() : billTo.currency();
        if (currency == null) {
            throw BusinessRuleViolation.unprocessable("invoice.currency_required", "Say which currency to bill in.");
        }
        if (command.issueDate() == null) {
            throw BusinessRuleViolation.unprocessable("invoice.issue_date_required", "An invoice needs an issue date.");
        }
        LocalDate dueDate = command.dueDate() != null ? command.dueDate()
                : command.issueDate().plusDays(Objects.requireNonNullElse(billTo.paymentTermsDays(), 0));
        BigDecimal taxRate = command.taxRate() != null ? command.taxRate()
                : Objects.requireNonNullElse(billTo.taxRate(), BigDecimal.ZERO);
        InvoiceTerms terms = validTerms(command.issueDate(), dueDate, taxRate, Names.tidy(command.notes()));
        boolean noPeriod = command.periodStart() == null && command.periodEnd() == null;
        if (!noPeriod && (command.periodStart() == null || command.periodEnd() == null
                || command.periodEnd().isBefore(command.periodStart()))) {
            throw BusinessRuleViolation.unprocessable("invoice.period_invalid",
                    "A period needs a first and a last date, the last not before the first.");
        }
        List<InvoiceLine> lines = new ArrayList<>();
        Set<UUID> lineIds = new HashSet<>();
        for (DraftLine line : command.lines() == null ? List.<DraftLine>of() : command.lines()) {
            if (line.lineId() != null && !lineIds.add(line.lineId())) {
                throw lineExists();
            }
            lines.add(validLine(line, currency));
        }
        requireWorkListedOnce(lines);
        List<UUID> projectIds = command.projectIds() == null ? List.of()
                : command.projectIds().stream().filter(Objects::nonNull).distinct().toList();
        apply(new InvoiceDraftCreated(command.orgId(), command.invoiceId(), command.clientId(), projectIds,
                command.periodStart(), command.periodEnd(),
                Objects.requireNonNullElse(command.grouping(), LineGrouping.BY_TASK), currency, terms.taxRate(),
                terms.issueDate(), terms.dueDate(), terms.notes(), billTo, List.copyOf(lines)));
    }

    @CommandHandler
    public void handle(AddInvoiceLine command) {
        requireDraft(command);
        if (command.lineId() != null && document.line(command.lineId()).isPresent()) {
            throw lineExists();
        }
        InvoiceLine line = validLine(DraftLine.manual(command.lineId(), command.description(), command.quantity(),
                command.unitPrice()), document.currency());
        apply(new InvoiceLineAdded(document.orgId(), invoiceId, line));
    }

    @CommandHandler
    public void handle(ChangeInvoiceLine command) {
        requireDraft(command);
        InvoiceLine current = requireLine(command.lineId());
        if (current.kind() != LineKind.MANUAL && command.quantity() != null
                && command.quantity().compareTo(current.quantity()) != 0) {
            throw BusinessRuleViolation.unprocessable("invoice.work_quantity_fixed",
                    "A work line bills exactly the hours logged or the expense spent: correct the work itself, "
                            + "or add a manual line for a discount.");
        }
        if (current.kind() == LineKind.EXPENSE && command.unitPrice() != null
                && command.unitPrice().compareTo(current.unitPrice()) != 0) {
            throw BusinessRuleViolation.unprocessable("invoice.expense_amount_fixed",
                    "An expense line bills exactly what was spent: correct the expense itself, "
                            + "or add a manual line for a markup or a discount.");
        }
        InvoiceLine changed = validLine(new DraftLine(current.lineId(), current.kind(),
                command.description() != null ? command.description() : current.description(),
                current.kind() == LineKind.MANUAL ? sameOr(current.quantity(), command.quantity())
                        : current.quantity(),
                sameOr(current.unitPrice(), command.unitPrice()),
                current.timeEntryIds(), current.expenseIds()), document.currency());
        if (!changed.equals(current)) {
            apply(new InvoiceLineChanged(document.orgId(), invoiceId, changed));
        }
    }

    @CommandHandler
    public void handle(RemoveInvoiceLine command) {
        requireDraft(command);
        InvoiceLine line = requireLine(command.lineId());
        apply(new InvoiceLineRemoved(document.orgId(), invoiceId, line.lineId(), line.timeEntryIds(),
                line.expenseIds()));
    }

    @CommandHandler
    public void handle(ChangeInvoiceTerms command) {
        requireDraft(command);
        InvoiceTerms current = document.terms();
        InvoiceTerms changed = validTerms(
                command.issueDate() != null ? command.issueDate() : current.issueDate(),
                command.dueDate() != null ? command.dueDate() : current.dueDate(),
                sameOr(current.taxRate(), command.taxRate()),
                command.notes() != null ? Names.tidy(command.notes()) : current.notes());
        if (!changed.equals(current)) {
            apply(new InvoiceTermsChanged(document.orgId(), invoiceId, changed.issueDate(), changed.dueDate(),
                    changed.taxRate(), changed.notes()));
        }
    }

    @CommandHandler
    public void handle(FinalizeInvoice command, InvoiceNumbers numbers) {
        requireDraft(command);
        if (document.lines().isEmpty()) {
            throw BusinessRuleViolation.unprocessable("invoice.empty", "An invoice without lines cannot be finalized.");
        }
        if (document.total().signum() <= 0) {
            throw BusinessRuleViolation.unprocessable("invoice.total_not_positive",
                    "An invoice must come to more than zero to be finalized.");
        }
        // Taken last, once nothing else can refuse: the number is held by this transaction until it commits.
        String number = InvoiceNumbers.format(numbers.next(document.orgId()));
        apply(new InvoiceFinalized(document.orgId(), invoiceId, document.clientId(), number,
                document.terms().issueDate(), document.terms().dueDate(), document.timeEntryIds(),
                document.expenseIds()));
    }

    @CommandHandler
    public void handle(VoidInvoice command) {
        requireSameOrganization(command);
        requireIssued();
        if (!document.payments().isEmpty()) {
            throw BusinessRuleViolation.conflict("invoice.has_payments",
                    "Payments were recorded against the invoice; an invoice with payments cannot be voided.");
        }
        String reason = Names.tidy(command.reason());
        if (reason == null) {
            throw BusinessRuleViolation.unprocessable("invoice.void_reason_required", "Say why the invoice is voided.");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw BusinessRuleViolation.unprocessable("invoice.void_reason_too_long",
                    "A reason has at most " + MAX_REASON_LENGTH + " characters.");
        }
        apply(new InvoiceVoided(document.orgId(), invoiceId, document.clientId(), document.number(), reason,
                document.timeEntryIds(), document.expenseIds()));
    }

    @CommandHandler
    public void handle(RecordPayment command) {
        requireSameOrganization(command);
        requireIssued();
        if (command.paymentId() == null
                || document.payments().stream().anyMatch(payment -> payment.paymentId().equals(command.paymentId()))) {
            throw BusinessRuleViolation.conflict("payment.exists", "A payment with this id is already recorded.");
        }
        Currency currency = document.currency();
        BigDecimal amount = command.amount();
        if (amount == null || amount.signum() <= 0) {
            throw BusinessRuleViolation.unprocessable("payment.amount_not_positive",
                    "A payment must be more than zero.");
        }
        if (!InvoiceMoney.fitsMinorUnits(amount, currency)) {
            throw BusinessRuleViolation.unprocessable("payment.amount_precision",
                    "A payment in " + currency + " has at most " + InvoiceMoney.minorUnits(currency) + " decimals.");
        }
        BigDecimal balance = document.balanceDue();
        if (amount.compareTo(balance) > 0) {
            throw BusinessRuleViolation.unprocessable("payment.exceeds_balance",
                    "The payment is more than the balance due of " + balance.toPlainString() + " " + currency + ".");
        }
        if (command.paymentDate() == null) {
            throw BusinessRuleViolation.unprocessable("payment.date_required", "Say when the payment was received.");
        }
        if (command.method() == null) {
            throw BusinessRuleViolation.unprocessable("payment.method_required", "Say how the payment was made.");
        }
        String reference = Names.tidy(command.reference());
        if (reference != null && reference.length() > MAX_REFERENCE_LENGTH) {
            throw BusinessRuleViolation.unprocessable("payment.reference_too_long",
                    "A payment reference has at most " + MAX_REFERENCE_LENGTH + " characters.");
        }
        BigDecimal paid = amount.setScale(InvoiceMoney.minorUnits(currency));
        apply(new PaymentRecorded(document.orgId(), invoiceId, document.clientId(), command.paymentId(), paid,
                currency, command.paymentDate(), command.method(), reference, balance.subtract(paid)));
    }

    @CommandHandler
    public void handle(DeleteInvoiceDraft command) {
        requireDraft(command);
        apply(new InvoiceDraftDeleted(document.orgId(), invoiceId, document.clientId()));
    }

    /** The current value when the change is absent or only rewrites it (1.5 for 1.50): no event for no change. */
    private static BigDecimal sameOr(BigDecimal current, BigDecimal change) {
        return change == null || change.compareTo(current) == 0 ? current : change;
    }

    private static InvoiceTerms validTerms(LocalDate issueDate, LocalDate dueDate, BigDecimal taxRate, String notes) {
        if (dueDate.isBefore(issueDate)) {
            throw BusinessRuleViolation.unprocessable("invoice.due_before_issue",
                    "The due date cannot be before the issue date.");
        }
        if (taxRate.signum() < 0 || taxRate.compareTo(MAX_TAX_RATE) > 0
                || taxRate.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw BusinessRuleViolation.unprocessable("invoice.tax_rate_invalid",
                    "A tax rate is a percentage from 0 to 100 with at most " + MAX_DECIMALS + " decimals.");
        }
        if (notes != null && notes.length() > MAX_NOTES_LENGTH) {
            throw BusinessRuleViolation.unprocessable("invoice.notes_too_long",
                    "Notes have at most " + MAX_NOTES_LENGTH + " characters.");
        }
        return new InvoiceTerms(issueDate, dueDate, taxRate, notes);
    }

    private static InvoiceLine validLine(DraftLine line, Currency currency) {
        if (line.lineId() == null || line.kind() == null) {
            throw BusinessRuleViolation.unprocessable("invoice.line_invalid", "A line needs an id and a kind.");
        }
        String description = Names.tidy(line.description());
        if (description == null) {
            throw BusinessRuleViolation.unprocessable("invoice.line_description_required",
                    "A line needs a description.");
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw BusinessRuleViolation.unprocessable("invoice.line_description_too_long",
                    "A line's description has at most " + MAX_DESCRIPTION_LENGTH + " characters.");
        }
        if (line.quantity() == null || line.quantity().signum() <= 0
                || line.quantity().stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw BusinessRuleViolation.unprocessable("invoice.line_quantity_invalid",
                    "A line's quantity is more than zero, with at most " + MAX_DECIMALS + " decimals.");
        }
        if (line.unitPrice() == null || line.unitPrice().stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw BusinessRuleViolation.unprocessable("invoice.line_unit_price_invalid",
                    "A line needs a unit price with at most " + MAX_DECIMALS + " decimals.");
        }
        // Only a manual line may take money off (a discount); work is never billed below nothing.
        if (line.kind() != LineKind.MANUAL && line.unitPrice().signum() < 0) {
            throw BusinessRuleViolation.unprocessable("invoice.line_unit_price_invalid",
                    "A work line's unit price cannot be negative.");
        }
        List<UUID> timeEntryIds = line.timeEntryIds() == null ? List.of() : List.copyOf(line.timeEntryIds());
        List<UUID> expenseIds = line.expenseIds() == null ? List.of() : List.copyOf(line.expenseIds());
        boolean fits = switch (line.kind()) {
            case TIME -> !timeEntryIds.isEmpty() && expenseIds.isEmpty();
            case EXPENSE -> !expenseIds.isEmpty() && timeEntryIds.isEmpty();
            case MANUAL -> timeEntryIds.isEmpty() && expenseIds.isEmpty();
        };
        if (!fits) {
            throw BusinessRuleViolation.unprocessable("invoice.line_work_mismatch",
                    "A time line names time entries only, an expense line expenses only, a manual line no work.");
        }
        return new InvoiceLine(line.lineId(), line.kind(), description, line.quantity(), line.unitPrice(),
                InvoiceMoney.lineAmount(line.quantity(), line.unitPrice(), currency), timeEntryIds, expenseIds);
    }

    private static void requireWorkListedOnce(List<InvoiceLine> lines) {
        Set<UUID> seen = new HashSet<>();
        for (InvoiceLine line : lines) {
            for (UUID item : line.timeEntryIds()) {
                requireFirstTime(seen, item);
            }
            for (UUID item : line.expenseIds()) {
                requireFirstTime(seen, item);
            }
        }
    }

    private static void requireFirstTime(Set<UUID> seen, UUID item) {
        if (item == null || !seen.add(item)) {
            throw BusinessRuleViolation.unprocessable("invoice.work_listed_twice",
                    "A time entry or expense can be billed by one line only.");
        }
    }

    private static BusinessRuleViolation lineExists() {
        return BusinessRuleViolation.conflict("invoice.line_exists", "The invoice already has a line with this id.");
    }

    private InvoiceLine requireLine(UUID lineId) {
        return Optional.ofNullable(lineId).flatMap(document::line)
                .orElseThrow(() -> BusinessRuleViolation.notFound("invoice.line_not_found",
                        "The invoice has no such line."));
    }

    private void requireSameOrganization(OrgScoped command) {
        if (!document.orgId().equals(command.orgId())) {
            throw BusinessRuleViolation.notFound("invoice.not_found", "No such invoice.");
        }
    }

    private void requireDraft(OrgScoped command) {
        requireSameOrganization(command);
        if (document.stage() != Stage.DRAFT) {
            throw BusinessRuleViolation.conflict("invoice.not_draft",
                    "The invoice is " + (document.stage() == Stage.VOID ? "void" : "finalized")
                            + " and can no longer be changed; void it and create a new one instead.");
        }
    }

    /** Payments and voiding are for an invoice that was issued under its number and still stands. */
    private void requireIssued() {
        if (document.stage() == Stage.DRAFT) {
            throw BusinessRuleViolation.conflict("invoice.not_finalized",
                    "The invoice is a draft: finalize it first (a draft is deleted, not voided).");
        }
        if (document.stage() == Stage.VOID) {
            throw BusinessRuleViolation.conflict("invoice.void", "The invoice is void.");
        }
    }

    @EventSourcingHandler
    void on(InvoiceDraftCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        invoiceId = event.invoiceId();
        document = InvoiceDocument.started(event, at, version);
    }

    /**
     * Every later event of the invoice is folded by {@link InvoiceDocument#apply}, the code the read model and the
     * point-in-time view share; Axon prefers the handlers for the creation and the deletion, whose types are more specific.
     */
    @EventSourcingHandler
    void on(Object event, @Timestamp Instant at, @SequenceNumber long version) {
        document = document.apply(event, at, version);
    }

    @EventSourcingHandler
    void on(InvoiceDraftDeleted event, @Timestamp Instant at, @SequenceNumber long version) {
        document = document.apply(event, at, version);
        markDeleted();
    }
}
