package io.ledgerline.projections.time;

import io.ledgerline.domain.invoice.InvoiceFinalized;
import io.ledgerline.domain.invoice.InvoiceVoided;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which finalized invoices bill which time entries, as the invoices name them; an entry is invoiced while a row
 * names it. Rows are keyed by entry and invoice, so a void and a later invoice of the same entry, which are events
 * of two aggregates, give the same rows in whatever order they are handled.
 */
@Component
@ProcessingGroup(TimeEntryProjection.GROUP)
public class InvoicedTimeProjection {

    private final JdbcTemplate jdbc;

    public InvoicedTimeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceFinalized event) {
        List<Object[]> rows = event.timeEntryIds().stream()
                .map(entryId -> new Object[] {entryId, event.invoiceId(), event.orgId(), event.number()})
                .toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO time_entry_invoice_view (entry_id, invoice_id, org_id, invoice_number)
                    VALUES (?, ?, ?, ?) ON CONFLICT (entry_id, invoice_id) DO NOTHING""", rows);
        }
    }

    @EventHandler
    void on(InvoiceVoided event) {
        jdbc.update("DELETE FROM time_entry_invoice_view WHERE invoice_id = ?", event.invoiceId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE time_entry_invoice_view");
    }
}
