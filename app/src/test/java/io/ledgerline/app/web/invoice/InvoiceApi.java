package io.ledgerline.app.web.invoice;

import io.ledgerline.app.support.Api;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Clients, drafts, finalizing and payments over the API, as the invoice tests need them. */
final class InvoiceApi {

    static final String INVOICES = "/api/v1/invoices";
    /** The business day of the test organizations (they sign up in Europe/Berlin). */
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    private final Api api;
    private final WebTestClient web;

    InvoiceApi(Api api, WebTestClient web) {
        this.api = api;
        this.web = web;
    }

    /** A client billed in EUR at 19 % tax with 14 days to pay. */
    UUID client(Api.Org org) {
        Map<String, Object> billing = new HashMap<>();
        billing.put("contactName", "Accounts Payable");
        billing.put("email", "ap@acme.example");
        billing.put("address", Map.of("line1", "Hauptstr. 1", "city", "Berlin", "postalCode", "10115",
                "country", "DE"));
        billing.put("paymentTermsDays", 14);
        billing.put("taxRate", 19);
        billing.put("taxId", "DE123456789");
        Map<?, ?> written = api.post(org.token(), "/api/v1/clients", Map.of("name", "Acme " + UUID.randomUUID(),
                        "code", "A" + UUID.randomUUID().toString().substring(0, 8), "billing", billing))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    static Map<String, Object> line(String description, Object quantity, Object unitPrice) {
        return Map.of("description", description, "quantity", quantity, "unitPrice", unitPrice);
    }

    /** A draft issued today, due in the client's 14 days. */
    static Map<String, Object> draft(UUID clientId, List<Map<String, Object>> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId.toString());
        body.put("issueDate", TODAY.toString());
        body.put("lines", lines);
        return body;
    }

    /** A draft with one manual line of 10 × 100.00 (1000.00 + 190.00 tax = 1190.00), issued today. */
    UUID draft(Api.Org org, UUID clientId) {
        return create(org.token(), draft(clientId, List.of(line("Consulting", 10, 100))));
    }

    /** Like {@link #draft(Api.Org, UUID)}, but issued 30 days ago and due 16 days ago. */
    UUID pastDueDraft(Api.Org org, UUID clientId) {
        Map<String, Object> body = draft(clientId, List.of(line("Consulting", 10, 100)));
        body.put("issueDate", TODAY.minusDays(30).toString());
        return create(org.token(), body);
    }

    UUID create(String token, Map<String, Object> body) {
        Map<?, ?> written = api.post(token, INVOICES, body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    /** Any request; {@code token}, {@code body} and {@code ifMatch} may be null. */
    WebTestClient.ResponseSpec request(HttpMethod method, String token, String path, Object body, String ifMatch) {
        WebTestClient.RequestBodySpec spec = web.method(method).uri(path).headers(headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
            if (ifMatch != null) {
                headers.set(HttpHeaders.IF_MATCH, ifMatch);
            }
        });
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** POSTs an action without body; {@code ifMatch} and {@code key} may be null. */
    WebTestClient.ResponseSpec action(String token, String path, String ifMatch, String key) {
        return web.post().uri(path).headers(headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
            if (ifMatch != null) {
                headers.set(HttpHeaders.IF_MATCH, ifMatch);
            }
            if (key != null) {
                headers.set("Idempotency-Key", key);
            }
        }).exchange();
    }

    /** Finalizes and returns the new version. */
    long finalizeInvoice(Api.Org org, UUID invoiceId) {
        return version(action(org.token(), INVOICES + "/" + invoiceId + "/finalize", null, null)
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    static Map<String, Object> payment(Object amount) {
        return Map.of("amount", amount, "date", TODAY.toString(), "method", "bank_transfer", "reference", "RF18");
    }

    /** Records a payment and returns the new version. */
    long pay(Api.Org org, UUID invoiceId, Object amount) {
        return version(api.post(org.token(), INVOICES + "/" + invoiceId + "/payments", payment(amount))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    /** The invoice once the read model reached the version. */
    Map<?, ?> read(Api.Org org, UUID invoiceId, long version) {
        return api.get(org.token(), INVOICES + "/" + invoiceId + "?minVersion=" + version).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    static long version(Map<?, ?> written) {
        return ((Number) written.get("version")).longValue();
    }
}
