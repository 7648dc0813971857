package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboInvoiceImported;
import java.sql.Date;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** QuickBooks invoices imported for consolidated reporting (qbo_imported_invoice_view, V17). */
@Component
@ProcessingGroup(QboImportedInvoiceProjection.GROUP)
public class QboImportedInvoiceProjection {

    public static final String GROUP = "qbo-imported-invoices";

    private final JdbcTemplate jdbc;

    public QboImportedInvoiceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QboInvoiceImported event, @SequenceNumber long version) {
        jdbc.update("""
                        INSERT INTO qbo_imported_invoice_view (org_id, realm_id, qbo_invoice_id, doc_number,
                            qbo_customer_id, client_id, txn_date, due_date, total, balance, currency, status,
                            qbo_updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (org_id, realm_id, qbo_invoice_id) DO UPDATE SET
                            doc_number = EXCLUDED.doc_number, qbo_customer_id = EXCLUDED.qbo_customer_id,
                            client_id = EXCLUDED.client_id, txn_date = EXCLUDED.txn_date,
                            due_date = EXCLUDED.due_date, total = EXCLUDED.total, balance = EXCLUDED.balance,
                            currency = EXCLUDED.currency, status = EXCLUDED.status,
                            qbo_updated_at = EXCLUDED.qbo_updated_at, version = EXCLUDED.version
                        WHERE qbo_imported_invoice_view.version < EXCLUDED.version""",
                event.orgId(), event.realmId(), event.qboInvoiceId(), event.docNumber(), event.qboCustomerId(),
                event.clientId(), event.txnDate() == null ? null : Date.valueOf(event.txnDate()),
                event.dueDate() == null ? null : Date.valueOf(event.dueDate()), event.total(), event.balance(),
                event.currency(), QboImportedInvoiceView.statusOf(event.total(), event.balance(), event.voided()),
                event.qboUpdatedAt() == null ? null : Timestamp.from(event.qboUpdatedAt()), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM qbo_imported_invoice_view");
    }
}
