package io.ledgerline.projections.invoice;

import io.ledgerline.domain.client.PostalAddress;
import io.ledgerline.domain.invoice.BillTo;
import io.ledgerline.domain.invoice.InvoiceDocument;
import io.ledgerline.domain.invoice.InvoiceDraftCreated;
import io.ledgerline.domain.invoice.InvoiceDraftDeleted;
import io.ledgerline.domain.invoice.InvoiceFinalized;
import io.ledgerline.domain.invoice.InvoiceLine;
import io.ledgerline.domain.invoice.InvoiceLineAdded;
import io.ledgerline.domain.invoice.InvoiceLineChanged;
import io.ledgerline.domain.invoice.InvoiceLineRemoved;
import io.ledgerline.domain.invoice.InvoicePayment;
import io.ledgerline.domain.invoice.InvoiceTermsChanged;
import io.ledgerline.domain.invoice.InvoiceVoided;
import io.ledgerline.domain.invoice.PaymentRecorded;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Invoices, their lines and payments as the API lists them. Any event of an invoice rewrites the invoice from its
 * {@link InvoiceDocument}, folded from the event store by {@link InvoiceHistory}: the read model is what the
 * point-in-time view shows for now, by construction. Rows only move forward in version, so a redelivered or replayed
 * event rewrites nothing; an invoice's rows depend on its own events only, so the order in which the segments handle
 * different invoices does not matter.
 */
@Component
@ProcessingGroup(InvoiceProjection.GROUP)
public class InvoiceProjection {

    public static final String GROUP = "invoices";

    private static final PostalAddress NO_ADDRESS = new PostalAddress(null, null, null, null, null, null);

    private final JdbcTemplate jdbc;
    private final InvoiceHistory history;

    public InvoiceProjection(JdbcTemplate jdbc, InvoiceHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    @EventHandler
    void on(InvoiceDraftCreated event) {
        refresh(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceLineAdded event) {
        refresh(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceLineChanged event) {
        refresh(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceLineRemoved event) {
        refresh(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceTermsChanged event) {
        refresh(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceFinalized event) {
        refresh(event.invoiceId());
    }

    @EventHandler
    void on(PaymentRecorded event) {
        refresh(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceVoided event) {
        refresh(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceDraftDeleted event) {
        refresh(event.invoiceId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM invoice_payment_view");
        jdbc.update("DELETE FROM invoice_line_view");
        jdbc.update("DELETE FROM invoice_view");
    }

    private void refresh(UUID invoiceId) {
        history.current(invoiceId).ifPresent(this::write);
    }

    private void write(InvoiceDocument invoice) {
        if (invoice.deleted()) {
            // A deleted draft leaves the read model; its events stay in the event store for the audit trail.
            deleteDetails(invoice.invoiceId());
            jdbc.update("DELETE FROM invoice_view WHERE invoice_id = ?", invoice.invoiceId());
            return;
        }
        BillTo billTo = invoice.billTo();
        PostalAddress address = billTo.address() == null ? NO_ADDRESS : billTo.address();
        int written = jdbc.update("""
                        INSERT INTO invoice_view (invoice_id, org_id, client_id, number, stage, standing, currency,
                            project_ids, period_start, period_end, grouping, issue_date, due_date, tax_rate, notes,
                            bill_to_name, bill_to_contact_name, bill_to_email, bill_to_line1, bill_to_line2,
                            bill_to_city, bill_to_region, bill_to_postal_code, bill_to_country, bill_to_tax_id,
                            bill_to_currency, bill_to_payment_terms, bill_to_tax_rate,
                            subtotal, tax, total, paid, balance_due, created_at, finalized_at, voided_at, void_reason,
                            version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                            ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (invoice_id) DO UPDATE SET number = EXCLUDED.number, stage = EXCLUDED.stage,
                            standing = EXCLUDED.standing, issue_date = EXCLUDED.issue_date,
                            due_date = EXCLUDED.due_date, tax_rate = EXCLUDED.tax_rate, notes = EXCLUDED.notes,
                            subtotal = EXCLUDED.subtotal, tax = EXCLUDED.tax, total = EXCLUDED.total,
                            paid = EXCLUDED.paid, balance_due = EXCLUDED.balance_due,
                            finalized_at = EXCLUDED.finalized_at, voided_at = EXCLUDED.voided_at,
                            void_reason = EXCLUDED.void_reason, version = EXCLUDED.version
                        WHERE invoice_view.version < EXCLUDED.version""",
                invoice.invoiceId(), invoice.orgId(), invoice.clientId(), invoice.number(), invoice.stage().name(),
                invoice.standing().name(), invoice.currency().getCurrencyCode(),
                invoice.scope().projectIds().toArray(UUID[]::new), date(invoice.scope().periodStart()),
                date(invoice.scope().periodEnd()), invoice.scope().grouping().name(),
                date(invoice.terms().issueDate()), date(invoice.terms().dueDate()), invoice.terms().taxRate(),
                invoice.terms().notes(), billTo.name(), billTo.contactName(), billTo.email(), address.line1(),
                address.line2(), address.city(), address.region(), address.postalCode(), address.country(),
                billTo.taxId(), billTo.currency().getCurrencyCode(), billTo.paymentTermsDays(), billTo.taxRate(),
                invoice.subtotal(), invoice.tax(), invoice.total(), invoice.paid(), invoice.balanceDue(),
                timestamp(invoice.createdAt()), timestamp(invoice.finalizedAt()), timestamp(invoice.voidedAt()),
                invoice.voidReason(), invoice.version());
        if (written == 0) {
            return;
        }
        deleteDetails(invoice.invoiceId());
        List<Object[]> lines = new ArrayList<>();
        int position = 0;
        for (InvoiceLine line : invoice.lines()) {
            lines.add(new Object[] {invoice.invoiceId(), line.lineId(), invoice.orgId(), position++,
                    line.kind().name(), line.description(), line.quantity(), line.unitPrice(), line.amount(),
                    line.timeEntryIds().toArray(UUID[]::new), line.expenseIds().toArray(UUID[]::new)});
        }
        jdbc.batchUpdate("""
                INSERT INTO invoice_line_view (invoice_id, line_id, org_id, position, kind, description, quantity,
                    unit_price, amount, time_entry_ids, expense_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines);
        List<Object[]> payments = new ArrayList<>();
        position = 0;
        for (InvoicePayment payment : invoice.payments()) {
            payments.add(new Object[] {invoice.invoiceId(), payment.paymentId(), invoice.orgId(), position++,
                    payment.amount(), date(payment.paymentDate()), payment.method().name(), payment.reference(),
                    timestamp(payment.recordedAt())});
        }
        jdbc.batchUpdate("""
                INSERT INTO invoice_payment_view (invoice_id, payment_id, org_id, position, amount, payment_date,
                    method, reference, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", payments);
    }

    private void deleteDetails(UUID invoiceId) {
        jdbc.update("DELETE FROM invoice_line_view WHERE invoice_id = ?", invoiceId);
        jdbc.update("DELETE FROM invoice_payment_view WHERE invoice_id = ?", invoiceId);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
