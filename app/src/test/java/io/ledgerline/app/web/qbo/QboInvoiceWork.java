package io.ledgerline.app.web.qbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.integration.qbo.QboApi;
import io.ledgerline.app.integration.qbo.QboTokenStore;
import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.qbo.QboFake;
import io.ledgerline.domain.qbo.ChangeQboSettings;
import io.ledgerline.domain.qbo.ConnectQbo;
import io.ledgerline.domain.qbo.QboConnection;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboLinkOrigin;
import io.ledgerline.domain.qbo.QboLinked;
import io.ledgerline.domain.qbo.QboSettings;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the QuickBooks invoice tests start from: a connected company, a client linked to a QuickBooks customer, and
 * finalized invoices, made the way the application makes them.
 */
final class QboInvoiceWork {

    static final String INVOICES = "/api/v1/invoices";

    private final Api api;
    private final ApplicationContext context;

    QboInvoiceWork(Api api, ApplicationContext context) {
        this.api = api;
        this.context = context;
    }

    /** A fresh QuickBooks company connected to the organization, as the OAuth callback connects it. */
    QboFake.Realm connect(Api.Org org) {
        QboFake.Realm realm = QboFake.shared().newRealm("Company " + UUID.randomUUID());
        String code = QboFake.shared().authorizationCode(realm);
        context.getBean(QboTokenStore.class).store(org.orgId(), realm.id(),
                context.getBean(QboApi.class).exchangeCode(code));
        context.getBean(CommandGateway.class).sendAndWait(new ConnectQbo(org.orgId(),
                QboConnection.idOf(org.orgId()), realm.id(), realm.companyName(), org.ownerId()));
        return realm;
    }

    void settings(Api.Org org, QboSettings settings) {
        context.getBean(CommandGateway.class).sendAndWait(new ChangeQboSettings(org.orgId(),
                QboConnection.idOf(org.orgId()), settings));
    }

    /** A client billed at {@code taxRate} % and the QuickBooks customer it is linked to; returns both ids. */
    Linked linkedClient(Api.Org org, QboFake.Realm realm, Object taxRate) {
        UUID clientId = client(org, taxRate);
        ObjectNode customer = realm.addCustomer("Customer " + clientId, "ap@" + clientId + ".example");
        String customerId = customer.get("Id").asString();
        link(org, clientId, realm, customerId);
        return new Linked(clientId, customerId);
    }

    /** Links the client as choosing its QuickBooks customer does. */
    void link(Api.Org org, UUID clientId, QboFake.Realm realm, String customerId) {
        context.getBean(EventGateway.class).publish(new QboLinked(org.orgId(), QboEntity.CUSTOMER, clientId,
                realm.id(), customerId, QboLinkOrigin.CHOSEN));
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
