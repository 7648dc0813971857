package io.ledgerline.app.web.qbo;

import static io.ledgerline.app.web.qbo.QboInvoiceWork.INVOICES;
import static io.ledgerline.app.web.qbo.QboInvoiceWork.id;
import static io.ledgerline.app.web.qbo.QboInvoiceWork.line;
import static io.ledgerline.app.web.qbo.QboInvoiceWork.onlyQboInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboFake;
import io.ledgerline.domain.qbo.QboSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Every QuickBooks invoice endpoint: success, refusals, authentication, permissions, other organizations. */
class QboInvoiceEndpointsIntegrationTest extends IntegrationTest {

    private static final String IMPORT = "/api/v1/integrations/qbo/invoices/import";
    private static final String IMPORTED = "/api/v1/integrations/qbo/invoices";


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

    private String pushPath(UUID invoiceId) {
        return INVOICES + "/" + invoiceId + "/qbo-push";
    }

    private void expectProblem(String token, String path, HttpStatus status, String code) {
        api.post(token, path, Map.of()).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    @Test
    void pushIsRefusedWithoutTokenPermissionOrForAnotherOrganization() {
        UUID invoiceId = id(work.finalized(org, client.clientId()));
        api.post(null, pushPath(invoiceId), Map.of()).exchange().expectStatus().isUnauthorized();
        api.post(api.member(org, "member").token(), pushPath(invoiceId), Map.of()).exchange()
                .expectStatus().isForbidden();
        api.post(api.member(org, "manager").token(), pushPath(invoiceId), Map.of()).exchange()
                .expectStatus().isForbidden();
        Api.Org other = api.signUp();
        work.connect(other);
        expectProblem(other.token(), pushPath(invoiceId), HttpStatus.NOT_FOUND, "invoice.not_found");
        expectProblem(org.token(), pushPath(UUID.randomUUID()), HttpStatus.NOT_FOUND, "invoice.not_found");
        api.post(org.token(), INVOICES + "/not-a-uuid/qbo-push", Map.of()).exchange().expectStatus().isBadRequest();
        assertThat(realm.invoices()).isEmpty();
    }

    @Test
    void pushIsRefusedBeforeAnyCallWhenItMayNotBeTried() {
        UUID draft = work.draft(org, client.clientId(), LocalDate.of(2026, 5, 4), List.of(line("Work", 1, 10)));
        expectProblem(org.token(), pushPath(draft), HttpStatus.CONFLICT, "qbo.invoice_not_finalized");

        UUID unlinkedClient = work.client(org, 19);
        UUID unlinked = id(work.finalized(org, unlinkedClient));
        expectProblem(org.token(), pushPath(unlinked), HttpStatus.CONFLICT, "qbo.client_not_linked");

        work.settings(org, new QboSettings(true, false, false));
        UUID linked = id(work.finalized(org, client.clientId()));
        expectProblem(org.token(), pushPath(linked), HttpStatus.CONFLICT, "qbo.invoice_sync_disabled");

        Api.Org notConnected = api.signUp();
        UUID theirs = id(work.finalized(notConnected, work.client(notConnected, 19)));
        expectProblem(notConnected.token(), pushPath(theirs), HttpStatus.CONFLICT, "qbo.not_connected");

        assertThat(realm.invoices()).isEmpty();
        api.get(org.token(), INVOICES + "/" + unlinked + "/qbo-link").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.invoice_not_linked");
    }

    @Test
    void replayedIdempotencyKeyAnswersTheFirstPushAgainWithoutPushingAgain() {
        UUID invoiceId = id(work.finalized(org, client.clientId()));
        String key = UUID.randomUUID().toString();
        Map<?, ?> first = api.post(org.token(), pushPath(invoiceId), Map.of(), key).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        Map<?, ?> replayed = Api.replay(() -> api.post(org.token(), pushPath(invoiceId), Map.of(), key))
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(replayed).isEqualTo(first);
        assertThat(realm.requests().stream().filter(request -> request.method().equals("POST")
                && request.path().startsWith("/v3/"))).hasSize(1);
    }

    @Test
    void inactiveCustomerIsAnActionableRejectionAndNoCustomerIsCreated() {
        UUID invoiceId = id(work.finalized(org, client.clientId()));
        realm.deactivateCustomer(client.customerId());
        int customers = realm.customers().size();

        api.post(org.token(), pushPath(invoiceId), Map.of()).exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody()
                .jsonPath("$.code").isEqualTo("qbo.rejected")
                .jsonPath("$.fault.code").isEqualTo("610")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("inactive"));

        assertThat(realm.customers()).hasSize(customers);
        assertThat(realm.invoices()).isEmpty();
        Map<?, ?> attempt = (Map<?, ?>) api.get(org.token(), INVOICES + "/" + invoiceId + "/qbo-link").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("lastAttempt");
        assertThat(attempt.get("operation")).isEqualTo("error");
    }

    @Test
    void invoiceNumberTakenByAnotherCustomerIsNotAdopted() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        String stranger = realm.addCustomer("Stranger " + UUID.randomUUID(), "x@example.com").get("Id").asString();
        realm.addInvoice(stranger, (String) invoice.get("number"), BigDecimal.TEN, LocalDate.of(2026, 5, 4),
                LocalDate.of(2026, 5, 4));

        api.post(org.token(), pushPath(id(invoice)), Map.of()).exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("DocNumber in use"));
        assertThat(realm.invoicesByDocNumber((String) invoice.get("number"))).hasSize(1);
    }

    @Test
    void clientsQuickBooksInvoicesShowBalanceAndStatus() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        api.post(org.token(), pushPath(id(invoice)), Map.of()).exchange().expectStatus().isOk();
        realm.payInvoice(onlyQboInvoice(realm, invoice).get("Id").asString(), new BigDecimal("190.00"));
        String path = "/api/v1/clients/" + client.clientId() + "/qbo-invoices";

        Map<?, ?> listed = api.get(org.token(), path).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        List<?> items = (List<?>) listed.get("items");
        assertThat(items).hasSize(1);
        Map<?, ?> item = (Map<?, ?>) items.get(0);
        assertThat(item.get("docNumber")).isEqualTo(invoice.get("number"));
        assertThat(new BigDecimal(item.get("balance").toString())).isEqualByComparingTo("1000.00");
        assertThat(item.get("status")).isEqualTo("partial");
        assertThat(item.get("ledgerlineInvoiceId")).isEqualTo(id(invoice).toString());

        api.get(null, path).exchange().expectStatus().isUnauthorized();
        api.get(api.member(org, "member").token(), path).exchange().expectStatus().isForbidden();
        api.get(api.signUp().token(), path).exchange().expectStatus().isNotFound();
        api.get(org.token(), "/api/v1/clients/" + work.client(org, 19) + "/qbo-invoices").exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.client_not_linked");
    }

    @Test
    void importingTwiceChangesNothingAndSkipsPushedInvoices() {
        Map<?, ?> pushed = work.finalized(org, client.clientId());
        api.post(org.token(), pushPath(id(pushed)), Map.of()).exchange().expectStatus().isOk();
        String paidId = realm.addInvoice(client.customerId(), "Q-" + UUID.randomUUID().toString().substring(0, 6),
                new BigDecimal("500.00"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)).get("Id").asString();
        realm.payInvoice(paidId, new BigDecimal("500.00"));
        String other = realm.addCustomer("Walk-in " + UUID.randomUUID(), "w@example.com").get("Id").asString();
        realm.addInvoice(other, "Q-" + UUID.randomUUID().toString().substring(0, 6), new BigDecimal("80.00"),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 15));

        Map<?, ?> first = api.post(org.token(), IMPORT, Map.of()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> second = api.post(org.token(), IMPORT, Map.of("since", "2020-01-01")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(first).isEqualTo(Map.of("imported", 2, "unchanged", 0, "pushed", 1));
        assertThat(second).isEqualTo(Map.of("imported", 0, "unchanged", 2, "pushed", 1));
        await().untilAsserted(() -> {
            List<?> paid = (List<?>) api.get(org.token(), IMPORTED + "?clientId=" + client.clientId() + "&status=paid")
                    .exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody().get("items");
            assertThat(paid).hasSize(1);
            assertThat(((Map<?, ?>) paid.get(0)).get("qboInvoiceId")).isEqualTo(paidId);
        });
        List<?> all = (List<?>) api.get(org.token(), IMPORTED).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(all).hasSize(2);

        api.post(null, IMPORT, Map.of()).exchange().expectStatus().isUnauthorized();
        api.post(api.member(org, "accountant").token(), IMPORT, Map.of()).exchange().expectStatus().isForbidden();
        api.post(org.token(), IMPORT, Map.of("since", "yesterday")).exchange().expectStatus().isBadRequest();
        api.get(api.member(org, "member").token(), IMPORTED).exchange().expectStatus().isForbidden();
        api.expectBadParameter(org.token(), IMPORTED + "?status=owed", "status");
        api.expectBadParameter(org.token(), IMPORTED + "?colour=red", "colour");
        List<?> theirs = (List<?>) api.get(api.signUp().token(), IMPORTED).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(theirs).isEmpty();
    }
}
