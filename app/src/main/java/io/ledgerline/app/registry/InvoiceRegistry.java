package io.ledgerline.app.registry;

import io.ledgerline.domain.client.ClientDeleted;
import io.ledgerline.domain.invoice.InvoiceDraftCreated;
import io.ledgerline.domain.invoice.InvoiceDraftDeleted;
import io.ledgerline.domain.invoice.InvoiceFinalized;
import io.ledgerline.domain.invoice.InvoiceVoided;
import io.ledgerline.domain.invoice.PaymentRecorded;
import io.ledgerline.domain.invoice.Stage;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where each invoice stands, kept on the command side for the client delete rule: a client with invoice drafts or
 * unpaid invoices stays. Updated in the transaction of the invoice's events, so the rule never sees a stale count.
 */
@Component
@ProcessingGroup(RegistryGroup.NAME)
public class InvoiceRegistry {

    private final JdbcTemplate jdbc;

    InvoiceRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceDraftCreated event) {
        jdbc.update("""
                        INSERT INTO invoice_registry (invoice_id, org_id, client_id, stage, settled)
                        VALUES (?, ?, ?, ?, FALSE)""",
                event.invoiceId(), event.orgId(), event.clientId(), Stage.DRAFT.name());
    }

    @EventHandler
    void on(InvoiceDraftDeleted event) {
        jdbc.update("DELETE FROM invoice_registry WHERE invoice_id = ?", event.invoiceId());
    }

    @EventHandler
    void on(InvoiceFinalized event) {
        jdbc.update("UPDATE invoice_registry SET stage = ? WHERE invoice_id = ?", Stage.FINALIZED.name(),
                event.invoiceId());
    }

    @EventHandler
    void on(PaymentRecorded event) {
        jdbc.update("UPDATE invoice_registry SET settled = ? WHERE invoice_id = ?", event.balanceDue().signum() <= 0,
                event.invoiceId());
    }

    @EventHandler
    void on(InvoiceVoided event) {
        jdbc.update("UPDATE invoice_registry SET stage = ? WHERE invoice_id = ?", Stage.VOID.name(), event.invoiceId());
    }

    /** Only a client without drafts or unpaid invoices is deleted; what is left of it no longer counts. */
    @EventHandler
    void on(ClientDeleted event) {
        jdbc.update("DELETE FROM invoice_registry WHERE org_id = ? AND client_id = ?", event.orgId(), event.clientId());
    }

    long unpaidInvoices(UUID orgId, UUID clientId) {
        return count("SELECT count(*) FROM invoice_registry WHERE org_id = ? AND client_id = ? AND stage = ? "
                + "AND NOT settled", orgId, clientId, Stage.FINALIZED.name());
    }

    long invoiceDrafts(UUID orgId, UUID clientId) {
        return count("SELECT count(*) FROM invoice_registry WHERE org_id = ? AND client_id = ? AND stage = ?",
                orgId, clientId, Stage.DRAFT.name());
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }
}
