package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.integration.qbo.QboPlannedChange.Action;
import io.ledgerline.domain.invoice.InvoiceDocument;
import io.ledgerline.domain.invoice.Stage;
import io.ledgerline.domain.qbo.ApplyQboInvoiceChange;
import io.ledgerline.domain.qbo.PushInvoiceToQbo;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboInvoiceChange;
import io.ledgerline.domain.qbo.QboInvoiceTrigger;
import io.ledgerline.domain.qbo.QboLinkRef;
import io.ledgerline.domain.qbo.QboLinks;
import io.ledgerline.domain.qbo.QboSyncPolicy;
import io.ledgerline.domain.qbo.QboSyncPolicy.ActiveQbo;
import io.ledgerline.projections.invoice.InvoiceHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Force resync of invoices: every finalized invoice of a linked client against what QuickBooks has. Unlinked ones
 * are linked (found by number) or created; linked ones are updated where QuickBooks differs from what would be sent;
 * one deleted in QuickBooks is re-created in a new generation (a new requestid, as Intuit may replay the deleted
 * invoice's original answer for the old one). Carrying out a change is the same push as any other, so it is
 * exactly-once like them.
 */
@Component
class QboInvoiceReconciler implements QboReconciler {

    private final QboApi api;
    private final QboSyncPolicy policy;
    private final QboLinks links;
    private final InvoiceHistory invoices;
    private final QboInvoicePayloads payloads;
    private final QboServiceItems items;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    QboInvoiceReconciler(QboApi api, QboSyncPolicy policy, QboLinks links, InvoiceHistory invoices,
                         QboInvoicePayloads payloads, QboServiceItems items, JdbcTemplate jdbc,
                         CommandGateway commands) {
        this.api = api;
        this.policy = policy;
        this.links = links;
        this.invoices = invoices;
        this.payloads = payloads;
        this.items = items;
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @Override
    public QboEntity entity() {
        return QboEntity.INVOICE;
    }

    @Override
    public List<QboPlannedChange> plan(UUID orgId) {
        Optional<ActiveQbo> active = policy.active(orgId).filter(qbo -> qbo.settings().syncInvoices());
        Optional<String> item = active.flatMap(qbo -> items.serviceItem(orgId, qbo.realmId()));
        if (active.isEmpty() || item.isEmpty()) {
            return List.of();
        }
        String realmId = active.get().realmId();
        Map<String, ObjectNode> byId = new HashMap<>();
        Map<String, ObjectNode> byNumber = new HashMap<>();
        for (ObjectNode invoice : api.query(orgId, "Invoice", null)) {
            byId.put(invoice.path("Id").asString(), invoice);
            byNumber.putIfAbsent(invoice.path("DocNumber").asString(""), invoice);
        }
        List<QboPlannedChange> plan = new ArrayList<>();
        for (UUID invoiceId : finalizedInvoices(orgId)) {
            InvoiceDocument invoice = invoices.current(invoiceId).orElseThrow();
            Optional<QboLinkRef> customer = links.linkOf(orgId, QboEntity.CUSTOMER, invoice.clientId())
                    .filter(link -> link.realmId().equals(realmId));
            if (invoice.stage() != Stage.FINALIZED || customer.isEmpty()) {
                continue;
            }
            ObjectNode ours = payloads.invoice(invoice, customer.get().qboId(), item.get());
            Optional<QboLinkRef> link = links.linkOf(orgId, QboEntity.INVOICE, invoiceId);
            planned(invoice, ours, link.map(QboLinkRef::qboId), byId, byNumber).ifPresent(plan::add);
        }
        return plan;
    }

    private Optional<QboPlannedChange> planned(InvoiceDocument invoice, ObjectNode ours, Optional<String> linkedId,
                                               Map<String, ObjectNode> byId, Map<String, ObjectNode> byNumber) {
        UUID invoiceId = invoice.invoiceId();
        if (linkedId.isEmpty()) {
            ObjectNode found = byNumber.get(invoice.number());
            return Optional.of(found != null
                    ? change(invoiceId, found.path("Id").asString(), Action.LINK, invoice,
                    "QuickBooks has an invoice under this number: it is linked, not created again.")
                    : change(invoiceId, null, Action.CREATE, invoice, "Not in QuickBooks yet."));
        }
        ObjectNode theirs = byId.get(linkedId.get());
        if (theirs == null) {
            return Optional.of(change(invoiceId, linkedId.get(), Action.CREATE, invoice,
                    "Deleted in QuickBooks: re-created as a new QuickBooks invoice."));
        }
        if (QboInvoicePayloads.voided(theirs) || !payloads.differs(theirs, ours)) {
            return Optional.empty();
        }
        return Optional.of(change(invoiceId, linkedId.get(), Action.UPDATE, invoice,
                "QuickBooks differs from the invoice (amounts, dates or lines)."));
    }

    @Override
    public void carryOut(UUID orgId, QboPlannedChange change) {
        boolean recreate = change.action() == Action.CREATE && change.qboId() != null;
        if (recreate) {
            policy.active(orgId).ifPresent(active -> commands.sendAndWait(new ApplyQboInvoiceChange(orgId,
                    change.localId(), active.realmId(), change.qboId(), QboInvoiceChange.DELETED, null, null)));
        }
        commands.sendAndWait(new PushInvoiceToQbo(orgId, change.localId(), QboInvoiceTrigger.RESYNC, recreate));
    }

    private List<UUID> finalizedInvoices(UUID orgId) {
        return jdbc.queryForList("SELECT invoice_id FROM invoice_view WHERE org_id = ? AND stage = 'FINALIZED' "
                + "ORDER BY number", UUID.class, orgId);
    }

    private static QboPlannedChange change(UUID invoiceId, String qboId, Action action, InvoiceDocument invoice,
                                           String reason) {
        return new QboPlannedChange(QboEntity.INVOICE, invoiceId, qboId, action, invoice.number(), reason);
    }
}
