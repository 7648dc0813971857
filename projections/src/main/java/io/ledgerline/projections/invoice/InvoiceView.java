package io.ledgerline.projections.invoice;

import io.ledgerline.domain.invoice.BillTo;
import io.ledgerline.domain.invoice.InvoiceDocument;
import io.ledgerline.domain.invoice.InvoiceLine;
import io.ledgerline.domain.invoice.InvoicePayment;
import io.ledgerline.domain.invoice.InvoiceStatus;
import io.ledgerline.domain.invoice.LineGrouping;
import io.ledgerline.domain.invoice.LineKind;
import io.ledgerline.domain.invoice.PaymentMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as read: from the read model, or folded from its events for a past moment. {@code lines} and
 * {@code payments} are filled when one invoice is read and left out of lists.
 *
 * @param status the status on the day it is read (or on the day of the moment asked for)
 */
public record InvoiceView(UUID id, String number, UUID clientId, InvoiceStatus status, String currency,
                          LocalDate issueDate, LocalDate dueDate, BigDecimal taxRate, String notes,
                          LocalDate periodStart, LocalDate periodEnd, LineGrouping grouping, List<UUID> projectIds,
                          BillTo billTo, BigDecimal subtotal, BigDecimal tax, BigDecimal total, BigDecimal paid,
                          BigDecimal balanceDue, List<LineView> lines, List<PaymentView> payments, Instant createdAt,
                          Instant finalizedAt, Instant voidedAt, String voidReason, long version) {

    public record LineView(UUID id, LineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal amount, List<UUID> timeEntryIds, List<UUID> expenseIds) {

        static LineView of(InvoiceLine line) {
            return new LineView(line.lineId(), line.kind(), line.description(), line.quantity(), line.unitPrice(),
                    line.amount(), line.timeEntryIds(), line.expenseIds());
        }
    }

    public record PaymentView(UUID id, BigDecimal amount, LocalDate date, PaymentMethod method, String reference,
                              Instant recordedAt) {

        static PaymentView of(InvoicePayment payment) {
            return new PaymentView(payment.paymentId(), payment.amount(), payment.paymentDate(), payment.method(),
                    payment.reference(), payment.recordedAt());
        }
    }

    /** The invoice as the document tells it, with its status on {@code today}. */
    public static InvoiceView of(InvoiceDocument document, LocalDate today) {
        return new InvoiceView(document.invoiceId(), document.number(), document.clientId(),
                document.status(today), document.currency().getCurrencyCode(), document.terms().issueDate(),
                document.terms().dueDate(), document.terms().taxRate(), document.terms().notes(),
                document.scope().periodStart(), document.scope().periodEnd(), document.scope().grouping(),
                document.scope().projectIds(), document.billTo(), document.subtotal(), document.tax(),
                document.total(), document.paid(), document.balanceDue(),
                document.lines().stream().map(LineView::of).toList(),
                document.payments().stream().map(PaymentView::of).toList(), document.createdAt(),
                document.finalizedAt(), document.voidedAt(), document.voidReason(), document.version());
    }

    InvoiceView withDetails(List<LineView> loadedLines, List<PaymentView> loadedPayments) {
        return new InvoiceView(id, number, clientId, status, currency, issueDate, dueDate, taxRate, notes,
                periodStart, periodEnd, grouping, projectIds, billTo, subtotal, tax, total, paid, balanceDue,
                loadedLines, loadedPayments, createdAt, finalizedAt, voidedAt, voidReason, version);
    }
}
