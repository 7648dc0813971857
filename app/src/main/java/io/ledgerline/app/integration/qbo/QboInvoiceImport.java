package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.ImportQboInvoice;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboLinks;
import io.ledgerline.domain.qbo.QboSyncPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings QuickBooks' invoices into Ledgerline's reporting: each one not pushed from Ledgerline becomes (or updates)
 * a {@code QboImportedInvoice}, tied to the client linked to its customer. Blocking: run it off the event loop.
 */
@Component
public class QboInvoiceImport {

    private final QboApi api;
    private final QboSyncPolicy policy;
    private final QboLinks links;

    QboInvoiceImport(QboApi api, QboSyncPolicy policy, QboLinks links) {
        this.api = api;
        this.policy = policy;
        this.links = links;
    }

    /**
     * @param imported  recorded as new or changed
     * @param unchanged already imported as QuickBooks has it
     * @param pushed    pushed from Ledgerline (linked to a Ledgerline invoice), so not imported twice
     */
    public record Outcome(int imported, int unchanged, int pushed) {
    }

    /** QuickBooks' invoices changed on or after {@code since} (all when {@code null}), read from QuickBooks. */
    public List<ObjectNode> read(UUID orgId, LocalDate since) {
        policy.requireConnected(orgId);
        return api.query(orgId, "Invoice", since == null ? null
                : "MetaData.LastUpdatedTime >= " + QboApi.quote(since.toString()));
    }

    /** @param send sends one command and answers its result */
    public Outcome importAll(UUID orgId, List<ObjectNode> invoices, Function<Object, Object> send) {
        String realmId = policy.requireConnected(orgId).realmId();
        int imported = 0;
        int unchanged = 0;
        int pushed = 0;
        for (ObjectNode invoice : invoices) {
            String qboId = invoice.path("Id").asString();
            if (links.localIdOf(orgId, QboEntity.INVOICE, realmId, qboId).isPresent()) {
                pushed++;
                continue;
            }
            String customerId = invoice.path("CustomerRef").path("value").asString(null);
            UUID clientId = customerId == null ? null
                    : links.localIdOf(orgId, QboEntity.CUSTOMER, realmId, customerId).orElse(null);
            Object result = send.apply(new ImportQboInvoice(orgId, realmId, qboId,
                    invoice.path("DocNumber").asString(null), customerId, clientId, date(invoice.path("TxnDate")),
                    date(invoice.path("DueDate")), QboInvoicePayloads.money(invoice.path("TotalAmt")),
                    QboInvoicePayloads.money(invoice.path("Balance")),
                    invoice.path("CurrencyRef").path("value").asString(null),
                    QboInvoicePayloads.voided(invoice), QboApiInvoicePusher.updatedAt(invoice)));
            if (Boolean.TRUE.equals(result)) {
                imported++;
            } else {
                unchanged++;
            }
        }
        return new Outcome(imported, unchanged, pushed);
    }

    private static LocalDate date(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : LocalDate.parse(value.asString());
    }
}
