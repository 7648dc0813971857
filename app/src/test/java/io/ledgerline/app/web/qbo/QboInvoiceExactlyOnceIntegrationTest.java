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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Exactly one QuickBooks invoice per Ledgerline invoice, whatever fails on the way (contract edges 4, 11–13). */
class QboInvoiceExactlyOnceIntegrationTest extends IntegrationTest {


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

    private Map<?, ?> link(UUID invoiceId) {
        return api.get(org.token(), INVOICES + "/" + invoiceId + "/qbo-link").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<String> createRequestIds() {
        return realm.requests().stream()
                .filter(request -> request.method().equals("POST") && request.path().endsWith("/invoice"))
                .map(request -> request.param("requestid"))
                .toList();
    }

    @Test
    void serverErrorDefersAndTheNextPushCreatesOnlyOne() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        realm.failNext(1, 503);

        Map<?, ?> deferred = push(id(invoice), 202);
        Map<?, ?> pushed = push(id(invoice), 200);

        assertThat(deferred.get("operation")).isEqualTo("deferred");
        assertThat(pushed.get("operation")).isEqualTo("created");
        onlyQboInvoice(realm, invoice);
    }

    @Test
    void responseLostAfterQuickBooksCommittedIsFoundByItsNumberAndLinked() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        realm.commitThenDropNext("Invoice");

        Map<?, ?> deferred = push(id(invoice), 202);
        Map<?, ?> pushed = push(id(invoice), 200);

        assertThat(deferred.get("operation")).isEqualTo("deferred");
        assertThat(pushed.get("operation")).isEqualTo("linked");
        ObjectNode qbo = onlyQboInvoice(realm, invoice);
        assertThat(link(id(invoice)).get("qboInvoiceId")).isEqualTo(qbo.get("Id").asString());
        assertThat(realm.writes("Invoice")).isEqualTo(1);
    }

    @Test
    void responseLostWhileRequestIdsAreIgnoredStillEndsWithOne() {
        realm.ignoreRequestIds(true);
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        realm.commitThenDropNext("Invoice");

        push(id(invoice), 202);
        push(id(invoice), 200);
        push(id(invoice), 200);

        onlyQboInvoice(realm, invoice);
        assertThat(realm.writes("Invoice")).isEqualTo(1);
    }

    @Test
    void crashBetweenTheCallAndTheEventIsRepairedByTheNextPush() {
        // What a process that died after QuickBooks committed, before the event was stored, leaves behind.
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        ObjectNode committed = realm.addInvoice(client.customerId(), (String) invoice.get("number"),
                new BigDecimal("1190.00"), LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 18));

        Map<?, ?> pushed = push(id(invoice), 200);

        assertThat(pushed.get("qboInvoiceId")).isEqualTo(committed.get("Id").asString());
        ObjectNode qbo = onlyQboInvoice(realm, invoice);
        // Linked, then brought in step with the invoice (its lines, dates and tax line).
        assertThat(pushed.get("operation")).isEqualTo("updated");
        assertThat(qbo.get("TotalAmt").decimalValue()).isEqualByComparingTo("1190.00");
        assertThat(qbo.get("DueDate").asString()).isEqualTo("2026-05-18");
    }

    @Test
    void expiredAccessTokenIsRefreshedAndTheCreateReplayedWithTheSameRequestId() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        int refreshes = realm.refreshCount();
        realm.expireAccessToken();

        push(id(invoice), 200);

        onlyQboInvoice(realm, invoice);
        assertThat(realm.refreshCount()).isEqualTo(refreshes + 1);
        assertThat(createRequestIds()).isNotEmpty().allMatch(createRequestIds().get(0)::equals);
    }

    @Test
    void throttledPushIsDeferredNotFailed() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        realm.throttleNext(1, QboFake.Throttle.JSON_429);

        Map<?, ?> deferred = push(id(invoice), 202);

        assertThat(deferred.get("operation")).isEqualTo("deferred");
        assertThat(realm.invoicesByDocNumber((String) invoice.get("number"))).isEmpty();
        Map<?, ?> attempt = (Map<?, ?>) link(id(invoice)).get("lastAttempt");
        assertThat(attempt.get("operation")).isEqualTo("deferred");
        assertThat((String) attempt.get("note")).contains("Throttled");
    }

    @Test
    void deferredPushIsRetriedByItsPersistentDeadline() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        realm.throttleNext(1, QboFake.Throttle.XML_403);

        push(id(invoice), 202);

        // Nobody pushes again: the saga's deadline (kept in scheduled_tasks) does, once the back-off has passed.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> realm.invoicesByDocNumber((String) invoice.get("number")).size() == 1);
        onlyQboInvoice(realm, invoice);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(((Map<?, ?>) link(id(invoice)).get("lastAttempt")).get("operation")).isEqualTo("created"));
    }

    @Test
    void linesThatDoNotMultiplyExactlyGoAsOneUnitAndTheTotalMatchesToTheCent() {
        QboInvoiceWork.Linked taxed = work.linkedClient(org, realm, new BigDecimal("8.875"));
        UUID draft = work.draft(org, taxed.clientId(), LocalDate.of(2026, 5, 4), List.of(
                line("Design", new BigDecimal("3"), new BigDecimal("33.3333")),
                line("Review", new BigDecimal("0.3333"), new BigDecimal("150")),
                line("Discount", 1, new BigDecimal("-5.55"))));
        Map<?, ?> invoice = work.finalizeInvoice(org, draft);

        push(draft, 200);

        ObjectNode qbo = onlyQboInvoice(realm, invoice);
        assertThat(qbo.get("TotalAmt").decimalValue()).isEqualByComparingTo(new BigDecimal(invoice.get("total").toString()));
        assertThat(qbo.get("Line").toString()).contains("Tax 8.875 %");
    }
}
