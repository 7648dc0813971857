package io.ledgerline.app.web.invoice;

import static io.ledgerline.app.web.invoice.InvoiceApi.INVOICES;
import static io.ledgerline.app.web.invoice.InvoiceApi.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class InvoicesIntegrationTest extends IntegrationTest {

    private InvoiceApi invoices;

    @BeforeEach
    void invoices() {
        invoices = new InvoiceApi(api, web);
    }

    // creating and reading

    @Test
    void createsADraftWithTheClientsBillingSnapshotAndReadsIt() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        var result = api.post(org.token(), INVOICES, InvoiceApi.draft(clientId, List.of(
                        line("Consulting", 7.5, 120), line("Hosting", 1, 49.99))))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody(Map.class).returnResult();
        String id = (String) result.getResponseBody().get("id");
        assertThat(result.getResponseHeaders().getLocation()).hasToString(INVOICES + "/" + id);
        api.get(org.token(), INVOICES + "/" + id + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.number").doesNotExist()
                .jsonPath("$.status").isEqualTo("draft")
                .jsonPath("$.clientId").isEqualTo(clientId.toString())
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.issueDate").isEqualTo("2026-05-04")
                .jsonPath("$.dueDate").isEqualTo("2026-05-18")
                .jsonPath("$.taxRate").isEqualTo(19)
                .jsonPath("$.billTo.contactName").isEqualTo("Accounts Payable")
                .jsonPath("$.billTo.address.city").isEqualTo("Berlin")
                .jsonPath("$.billTo.taxId").isEqualTo("DE123456789")
                .jsonPath("$.lines.length()").isEqualTo(2)
                .jsonPath("$.lines[0].kind").isEqualTo("manual")
                .jsonPath("$.lines[0].amount").isEqualTo(900.0)
                .jsonPath("$.lines[1].amount").isEqualTo(49.99)
                .jsonPath("$.subtotal").isEqualTo(949.99)
                .jsonPath("$.tax").isEqualTo(180.5)
                .jsonPath("$.total").isEqualTo(1130.49)
                .jsonPath("$.balanceDue").isEqualTo(1130.49)
                .jsonPath("$.payments").isEmpty()
                .jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void finalizesPaysAndShowsTheStatus() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        UUID id = invoices.draft(org, clientId);
        long finalized = invoices.finalizeInvoice(org, id);
        invoices.read(org, id, finalized);
        long paid = invoices.pay(org, id, 190);
        Map<?, ?> invoice = invoices.read(org, id, paid);
        assertThat(invoice.get("number")).isEqualTo("INV-000001");
        assertThat(invoice.get("status")).isIn("partially_paid", "overdue");
        assertThat(((Number) invoice.get("balanceDue")).doubleValue()).isEqualTo(1000.0);
    }
}
