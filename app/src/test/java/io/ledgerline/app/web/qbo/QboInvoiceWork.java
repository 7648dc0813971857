package io.ledgerline.app.web.qbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.qbo.QboConnect;
import io.ledgerline.app.support.qbo.QboFake;
import io.ledgerline.domain.qbo.QboSettings;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the QuickBooks invoice tests start from, made through the API as users make them: a connected company, a
 * client linked to a QuickBooks customer, and finalized invoices.
 */
final class QboInvoiceWork {

    static final String INVOICES = "/api/v1/invoices";

    private final Api api;

    QboInvoiceWork(Api api) {
        this.api = api;
    }

    /** A fresh QuickBooks company connected to the organization through the OAuth connect flow. */
    QboFake.Realm connect(Api.Org org) {
        QboFake.Realm realm = QboFake.shared().newRealm("Company " + UUID.randomUUID());
        QboConnect.connect(api, org, realm);
        return realm;
    }

    void settings(Api.Org org, QboSettings settings) {
        api.put(org.token(), "/api/v1/integrations/qbo/settings", Map.of("syncCustomers", settings.syncCustomers(),
                        "syncInvoices", settings.syncInvoices(), "pushOnFinalize", settings.pushOnFinalize()))
                .exchange()
                .expectStatus().isOk();
    }

    /** A client billed at {@code taxRate} % and the QuickBooks customer it is linked to; returns both ids. */
    Linked linkedClient(Api.Org org, QboFake.Realm realm, Object taxRate) {
        UUID clientId = client(org, taxRate);
        ObjectNode customer = realm.addCustomer("Customer " + clientId, "ap@" + clientId + ".example");
        String customerId = customer.get("Id").asString();
        link(org, clientId, customerId);
        return new Linked(clientId, customerId);
    }

    void link(Api.Org org, UUID clientId, String customerId) {
        api.put(org.token(), "/api/v1/clients/" + clientId + "/qbo-link", Map.of("qboCustomerId", customerId))
                .exchange()
                .expectStatus().isOk();
    }

    record Linked(UUID clientId, String customerId) {
    }

    UUID client(Api.Org org, Object taxRate) {
        Map<String, Object> billing = new HashMap<>();
        billing.put("email", "ap@acme.example");
        billing.put("paymentTermsDays", 14);
        billing.put("taxRate", taxRate);
        Map<?, ?> written = api.post(org.token(), "/api/v1/clients", Map.of("name", "Acme " + UUID.randomUUID(),
                        "code", "Q" + UUID.randomUUID().toString().substring(0, 8), "billing", billing))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    static Map<String, Object> line(String description, Object quantity, Object unitPrice) {
        return Map.of("description", description, "quantity", quantity, "unitPrice", unitPrice);
    }

    /** A draft issued on {@code issued}; returns its id. */
    UUID draft(Api.Org org, UUID clientId, LocalDate issued, List<Map<String, Object>> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId.toString());
        body.put("issueDate", issued.toString());
        body.put("lines", lines);
        Map<?, ?> written = api.post(org.token(), INVOICES, body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    /** Finalizes the draft and answers the invoice as the API shows it then. */
    Map<?, ?> finalizeInvoice(Api.Org org, UUID invoiceId) {
        Map<?, ?> written = api.post(org.token(), INVOICES + "/" + invoiceId + "/finalize", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return read(org, invoiceId, ((Number) written.get("version")).longValue());
    }

    /** A finalized invoice of 10 × 100.00 at the client's tax; answers the invoice as the API shows it. */
    Map<?, ?> finalized(Api.Org org, UUID clientId) {
        return finalizeInvoice(org, draft(org, clientId, LocalDate.of(2026, 5, 4), List.of(line("Consulting", 10, 100))));
    }

    Map<?, ?> read(Api.Org org, UUID invoiceId, long version) {
        return api.get(org.token(), INVOICES + "/" + invoiceId + "?minVersion=" + version).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    static UUID id(Map<?, ?> invoice) {
        return UUID.fromString((String) invoice.get("id"));
    }

    /** The one QuickBooks invoice under the invoice's number; fails when there is none or more than one. */
    static ObjectNode onlyQboInvoice(QboFake.Realm realm, Map<?, ?> invoice) {
        List<ObjectNode> found = realm.invoicesByDocNumber((String) invoice.get("number"));
        assertThat(found).as("QuickBooks invoices numbered %s", invoice.get("number")).hasSize(1);
        return found.get(0);
    }
}
