package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.command.CommandOutcome;
import io.ledgerline.domain.invoice.InvoiceDocument;
import io.ledgerline.domain.invoice.Stage;
import io.ledgerline.domain.invoice.VoidInvoice;
import io.ledgerline.domain.qbo.ApplyQboInvoiceChange;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboInvoiceChange;
import io.ledgerline.domain.qbo.QboLinks;
import io.ledgerline.projections.invoice.InvoiceHistory;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A linked invoice changed in QuickBooks: voided there, it is voided here (unless payments are recorded here, which
 * an admin must sort out); deleted there, the link is marked deleted and the invoice is never pushed again by
 * itself. Other edits made in QuickBooks are left there: the invoice here is a finalized document.
 */
@Component
class QboInvoiceChangeHandler implements QboChangeHandler {

    static final String VOID_REASON = "Voided in QuickBooks";

    private final QboLinks links;
    private final InvoiceHistory invoices;
    private final CommandGateway commands;

    QboInvoiceChangeHandler(QboLinks links, InvoiceHistory invoices, CommandGateway commands) {
        this.links = links;
        this.invoices = invoices;
        this.commands = commands;
    }

    @Override
    public Set<String> entities() {
        return Set.of("Invoice");
    }

    @Override
    public void apply(UUID orgId, String realmId, String entity, ObjectNode record) {
        String qboId = record.path("Id").asString();
        Optional<UUID> linked = links.localIdOf(orgId, QboEntity.INVOICE, realmId, qboId);
        if (linked.isEmpty()) {
            return;
        }
        UUID invoiceId = linked.get();
        if ("Deleted".equalsIgnoreCase(record.path("status").asString(""))) {
            commands.sendAndWait(change(orgId, invoiceId, realmId, record, QboInvoiceChange.DELETED));
            return;
        }
        if (!voided(record)) {
            return;
        }
        InvoiceDocument invoice = invoices.current(invoiceId).orElseThrow();
        if (!invoice.payments().isEmpty()) {
            commands.sendAndWait(change(orgId, invoiceId, realmId, record, QboInvoiceChange.VOID_REFUSED));
            return;
        }
        // Taken note of first, so that the void here does not go back to QuickBooks as a second void.
        CommandOutcome applies = commands.sendAndWait(change(orgId, invoiceId, realmId, record,
                QboInvoiceChange.VOIDED));
        if (Boolean.TRUE.equals(applies.result()) && invoice.stage() == Stage.FINALIZED) {
            commands.sendAndWait(new VoidInvoice(orgId, invoiceId, VOID_REASON));
        }
    }

    /** QuickBooks voids an invoice by zeroing it and noting "Voided"; it stays readable, unlike a deleted one. */
    static boolean voided(JsonNode invoice) {
        return invoice.path("PrivateNote").asString("").startsWith("Voided")
                && QboInvoicePayloads.money(invoice.path("TotalAmt")).signum() == 0;
    }

    private static ApplyQboInvoiceChange change(UUID orgId, UUID invoiceId, String realmId, ObjectNode record,
                                                QboInvoiceChange change) {
        return new ApplyQboInvoiceChange(orgId, invoiceId, realmId, record.path("Id").asString(), change,
                QboApiInvoicePusher.updatedAt(record), record.path("SyncToken").asString(null));
    }
}
