package io.ledgerline.domain.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An invoice as a document, folded from its events: bill-to, terms, lines, payments and the totals they add up
 * to. The aggregate, the read model and the view of an invoice at a past moment all fold the events with this one
 * piece of code, so they cannot disagree about what an invoice said.
 *
 * @param number  {@code null} until finalized
 * @param deleted a deleted draft: nothing to show any more
 * @param version the sequence number of the last event folded in (the ETag)
 */
public record InvoiceDocument(UUID orgId, UUID invoiceId, UUID clientId, InvoiceScope scope, Currency currency,
                              BillTo billTo, InvoiceTerms terms, List<InvoiceLine> lines,
                              List<InvoicePayment> payments, Stage stage, String number, Instant createdAt,
                              Instant finalizedAt, Instant voidedAt, String voidReason, boolean deleted,
                              long version) {

    public static InvoiceDocument started(InvoiceDraftCreated event, Instant at, long version) {
        return new InvoiceDocument(event.orgId(), event.invoiceId(), event.clientId(),
                new InvoiceScope(List.copyOf(event.projectIds()), event.periodStart(), event.periodEnd(),
                        event.grouping()),
                event.currency(), event.billTo(),
                new InvoiceTerms(event.issueDate(), event.dueDate(), event.taxRate(), event.notes()),
                List.copyOf(event.lines()), List.of(), Stage.DRAFT, null, at, null, null, null, false, version);
    }

    /** The document after one more of its events; {@code at} and {@code version} are the event's. */
    public InvoiceDocument apply(Object event, Instant at, long version) {
        if (event instanceof InvoiceLineAdded added) {
            List<InvoiceLine> changed = new ArrayList<>(lines);
            changed.add(added.line());
            return with(terms, changed, payments, stage, number, finalizedAt, voidedAt, voidReason, deleted, version);
        }
        if (event instanceof InvoiceLineChanged lineChanged) {
            List<InvoiceLine> changed = lines.stream()
                    .map(line -> line.lineId().equals(lineChanged.line().lineId()) ? lineChanged.line() : line)
                    .toList();
            return with(terms, changed, payments, stage, number, finalizedAt, voidedAt, voidReason, deleted, version);
        }
        if (event instanceof InvoiceLineRemoved removed) {
            List<InvoiceLine> changed = lines.stream().filter(line -> !line.lineId().equals(removed.lineId())).toList();
            return with(terms, changed, payments, stage, number, finalizedAt, voidedAt, voidReason, deleted, version);
        }
        if (event instanceof InvoiceTermsChanged changed) {
            InvoiceTerms newTerms = new InvoiceTerms(changed.issueDate(), changed.dueDate(), changed.taxRate(),
                    changed.notes());
            return with(newTerms, lines, payments, stage, number, finalizedAt, voidedAt, voidReason, deleted, version);
        }
        if (event instanceof InvoiceFinalized finalized) {
            return with(terms, lines, payments, Stage.FINALIZED, finalized.number(), at, voidedAt, voidReason,
                    deleted, version);
        }
        if (event instanceof PaymentRecorded recorded) {
            List<InvoicePayment> changed = new ArrayList<>(payments);
            changed.add(new InvoicePayment(recorded.paymentId(), recorded.amount(), recorded.paymentDate(),
                    recorded.method(), recorded.reference(), at));
            return with(terms, lines, changed, stage, number, finalizedAt, voidedAt, voidReason, deleted, version);
        }
        if (event instanceof InvoiceVoided voided) {
            return with(terms, lines, payments, Stage.VOID, number, finalizedAt, at, voided.reason(), deleted,
                    version);
        }
        if (event instanceof InvoiceDraftDeleted) {
            return with(terms, lines, payments, stage, number, finalizedAt, voidedAt, voidReason, true, version);
        }
        throw new IllegalArgumentException("Not an event of an invoice's life: " + event.getClass().getName());
    }

    private InvoiceDocument with(InvoiceTerms newTerms, List<InvoiceLine> newLines, List<InvoicePayment> newPayments,
                                 Stage newStage, String newNumber, Instant newFinalizedAt, Instant newVoidedAt,
                                 String newVoidReason, boolean nowDeleted, long newVersion) {
        return new InvoiceDocument(orgId, invoiceId, clientId, scope, currency, billTo, newTerms, List.copyOf(newLines),
                List.copyOf(newPayments), newStage, newNumber, createdAt, newFinalizedAt, newVoidedAt, newVoidReason,
                nowDeleted, newVersion);
    }

    public Optional<InvoiceLine> line(UUID lineId) {
        return lines.stream().filter(line -> line.lineId().equals(lineId)).findFirst();
    }

    public BigDecimal subtotal() {
        return lines.stream().map(InvoiceLine::amount).reduce(InvoiceMoney.zero(currency), BigDecimal::add);
    }

    public BigDecimal tax() {
        return InvoiceMoney.tax(subtotal(), terms.taxRate(), currency);
    }

    public BigDecimal total() {
        return subtotal().add(tax());
    }

    public BigDecimal paid() {
        return payments.stream().map(InvoicePayment::amount).reduce(InvoiceMoney.zero(currency), BigDecimal::add);
    }

    public BigDecimal balanceDue() {
        return total().subtract(paid());
    }

    /** The status as far as the events tell it: never {@link InvoiceStatus#OVERDUE}, which depends on the day. */
    public InvoiceStatus standing() {
        return switch (stage) {
            case DRAFT -> InvoiceStatus.DRAFT;
            case VOID -> InvoiceStatus.VOID;
            case FINALIZED -> balanceDue().signum() <= 0 ? InvoiceStatus.PAID
                    : paid().signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.UNPAID;
        };
    }

    /** The status shown on {@code today} (a date in the organization's time zone). */
    public InvoiceStatus status(LocalDate today) {
        return InvoiceStatus.on(standing(), terms.dueDate(), today);
    }

    /** Every time entry the invoice bills, in line order. */
    public List<UUID> timeEntryIds() {
        return lines.stream().flatMap(line -> line.timeEntryIds().stream()).toList();
    }

    /** Every expense the invoice bills, in line order. */
    public List<UUID> expenseIds() {
        return lines.stream().flatMap(line -> line.expenseIds().stream()).toList();
    }
}
