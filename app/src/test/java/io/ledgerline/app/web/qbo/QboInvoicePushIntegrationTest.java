package io.ledgerline.app.web.qbo;

import static io.ledgerline.app.web.qbo.QboInvoiceWork.INVOICES;
import static io.ledgerline.app.web.qbo.QboInvoiceWork.id;
import static io.ledgerline.app.web.qbo.QboInvoiceWork.onlyQboInvoice;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboFake;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class QboInvoicePushIntegrationTest extends IntegrationTest {


    private QboInvoiceWork work;
    private Api.Org org;
    private QboFake.Realm realm;
    private QboInvoiceWork.Linked client;

    @BeforeEach
    void connected() {
        work = new QboInvoiceWork(api);
        org = api.signUp();
        realm = work.connect(org);
        client = work.linkedClient(org, realm, 19);
    }

    private Map<?, ?> push(UUID invoiceId, int status) {
        return api.post(org.token(), INVOICES + "/" + invoiceId + "/qbo-push", Map.of()).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void pushCreatesTheInvoiceUnderTheLinkedCustomerWithOurTotal() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());

        Map<?, ?> pushed = push(id(invoice), 200);

        ObjectNode qbo = onlyQboInvoice(realm, invoice);
        assertThat(pushed.get("operation")).isEqualTo("created");
        assertThat(pushed.get("qboInvoiceId")).isEqualTo(qbo.get("Id").asString());
        assertThat((String) pushed.get("requestId")).startsWith("ll-" + id(invoice).toString().replace("-", ""));
        assertThat((String) pushed.get("url")).endsWith("/invoice?txnId=" + qbo.get("Id").asString());
        assertThat(qbo.get("CustomerRef").get("value").asString()).isEqualTo(client.customerId());
        assertThat(qbo.get("TotalAmt").decimalValue()).isEqualByComparingTo(new BigDecimal("1190.00"));
        assertThat(qbo.get("TxnDate").asString()).isEqualTo("2026-05-04");
        assertThat(qbo.get("PrivateNote").asString()).isEqualTo("Ledgerline invoice " + id(invoice));
    }

    @Test
    void pushingTwiceUpdatesNothingAndCreatesNoSecondInvoice() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        push(id(invoice), 200);

        Map<?, ?> again = push(id(invoice), 200);

        assertThat(again.get("operation")).isEqualTo("skipped");
        onlyQboInvoice(realm, invoice);
        assertThat(realm.writes("Invoice")).isEqualTo(1);
    }
}
