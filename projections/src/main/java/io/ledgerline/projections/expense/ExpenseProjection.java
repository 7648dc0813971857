package io.ledgerline.projections.expense;

import io.ledgerline.domain.expense.AppliedDefaults;
import io.ledgerline.domain.expense.ExpenseApproved;
import io.ledgerline.domain.expense.ExpenseChanged;
import io.ledgerline.domain.expense.ExpenseCreated;
import io.ledgerline.domain.expense.ExpenseDeleted;
import io.ledgerline.domain.expense.ExpenseRejected;
import io.ledgerline.domain.expense.ExpenseStatus;
import io.ledgerline.domain.expense.ExpenseSubmitted;
import io.ledgerline.domain.expense.ExpenseUnlocked;
import io.ledgerline.domain.expense.ReceiptAttached;
import io.ledgerline.domain.expense.ReceiptRemoved;
import io.ledgerline.domain.invoice.InvoiceFinalized;
import io.ledgerline.domain.invoice.InvoiceVoided;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Expenses as the API lists them, and which invoices bill them. Writes are idempotent: inserts ignore a row already
 * there and updates only move a row forward in version. Invoice events never touch an expense's row: they are kept
 * per (expense, invoice) and joined when read, because they may arrive before or after the expense's own events.
 */
@Component
@ProcessingGroup(ExpenseProjection.GROUP)
public class ExpenseProjection {

    public static final String GROUP = "expenses";

    private final JdbcTemplate jdbc;

    public ExpenseProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ExpenseCreated event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        AppliedDefaults defaults = event.defaults();
        jdbc.update("""
                        INSERT INTO expense_view (expense_id, org_id, member_id, recorded_by, expense_date, amount,
                            currency, merchant, category_id, project_id, client_id, description, billable,
                            reimbursable, status, unlocked, source_type, source_provider, source_external_id,
                            defaults_mapping_id, defaulted_project, defaulted_category, created_at, updated_at,
                            version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (expense_id) DO NOTHING""",
                event.expenseId(), event.orgId(), event.memberId(), event.recordedBy(), Date.valueOf(event.date()),
                event.amount(), event.currency().getCurrencyCode(), event.merchant(), event.categoryId(),
                event.projectId(), event.clientId(), event.description(), event.billable(), event.reimbursable(),
                ExpenseStatus.DRAFT.name(), event.source().type().name(), event.source().provider(),
                event.source().externalId(), defaults == null ? null : defaults.merchantMappingId(),
                defaults != null && defaults.project(), defaults != null && defaults.category(), Timestamp.from(at),
                Timestamp.from(at), version);
    }

    @EventHandler
    void on(ExpenseChanged event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE expense_view SET expense_date = ?, amount = ?, currency = ?, merchant = ?,
                            category_id = ?, project_id = ?, client_id = ?, description = ?, billable = ?,
                            reimbursable = ?, unlocked = FALSE, updated_at = ?, version = ?
                        WHERE expense_id = ? AND version < ?""",
                Date.valueOf(event.date()), event.amount(), event.currency().getCurrencyCode(), event.merchant(),
                event.categoryId(), event.projectId(), event.clientId(), event.description(), event.billable(),
                event.reimbursable(), Timestamp.from(at), version, event.expenseId(), version);
    }

    /** A new round of approval: the previous decision and its reason no longer stand. */
    @EventHandler
    void on(ExpenseSubmitted event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE expense_view SET status = ?, submitted_by = ?, submitted_at = ?, decided_by = NULL,
                            decided_at = NULL, rejection_reason = NULL, unlocked = FALSE, updated_at = ?, version = ?
                        WHERE expense_id = ? AND version < ?""",
                ExpenseStatus.SUBMITTED.name(), event.submittedBy(), Timestamp.from(at), Timestamp.from(at), version,
                event.expenseId(), version);
    }

    @EventHandler
    void on(ExpenseApproved event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        decide(event.expenseId(), ExpenseStatus.APPROVED, event.approvedBy(), null, at, version);
    }

    @EventHandler
    void on(ExpenseRejected event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        decide(event.expenseId(), ExpenseStatus.REJECTED, event.rejectedBy(), event.reason(), at, version);
    }

    @EventHandler
    void on(ExpenseUnlocked event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE expense_view SET unlocked = TRUE, updated_at = ?, version = ? WHERE expense_id = ? AND version < ?",
                Timestamp.from(at), version, event.expenseId(), version);
    }

    @EventHandler
    void on(ReceiptAttached event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE expense_view SET receipt_content_type = ?, receipt_size_bytes = ?, receipt_sha256 = ?,
                            receipt_filename = ?, unlocked = FALSE, updated_at = ?, version = ?
                        WHERE expense_id = ? AND version < ?""",
                event.contentType(), event.sizeBytes(), event.sha256(), event.filename(), Timestamp.from(at), version,
                event.expenseId(), version);
    }

    @EventHandler
    void on(ReceiptRemoved event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE expense_view SET receipt_content_type = NULL, receipt_size_bytes = NULL,
                            receipt_sha256 = NULL, receipt_filename = NULL, unlocked = FALSE, updated_at = ?, version = ?
                        WHERE expense_id = ? AND version < ?""",
                Timestamp.from(at), version, event.expenseId(), version);
    }

    @EventHandler
    void on(ExpenseDeleted event) {
        jdbc.update("DELETE FROM expense_view WHERE expense_id = ?", event.expenseId());
    }

    @EventHandler
    void on(InvoiceFinalized event) {
        claims(event.expenseIds(), event.invoiceId(), event.orgId(), """
                INSERT INTO expense_invoicing_view (expense_id, invoice_id, org_id, voided) VALUES (?, ?, ?, FALSE)
                ON CONFLICT (expense_id, invoice_id) DO NOTHING""");
    }

    @EventHandler
    void on(InvoiceVoided event) {
        claims(event.expenseIds(), event.invoiceId(), event.orgId(), """
                INSERT INTO expense_invoicing_view (expense_id, invoice_id, org_id, voided) VALUES (?, ?, ?, TRUE)
                ON CONFLICT (expense_id, invoice_id) DO UPDATE SET voided = TRUE""");
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM expense_view");
        jdbc.update("DELETE FROM expense_invoicing_view");
    }

    private void decide(UUID expenseId, ExpenseStatus status, UUID decidedBy, String reason, Instant at, long version) {
        jdbc.update("""
                        UPDATE expense_view SET status = ?, decided_by = ?, decided_at = ?, rejection_reason = ?,
                            unlocked = FALSE, updated_at = ?, version = ?
                        WHERE expense_id = ? AND version < ?""",
                status.name(), decidedBy, Timestamp.from(at), reason, Timestamp.from(at), version, expenseId, version);
    }

    private void claims(List<UUID> expenseIds, UUID invoiceId, UUID orgId, String sql) {
        if (expenseIds == null || expenseIds.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, expenseIds.stream().map(id -> new Object[] {id, invoiceId, orgId}).toList());
    }
}
