package io.ledgerline.app.web.qbo;

import static io.ledgerline.app.web.qbo.QboInvoiceWork.INVOICES;
import static io.ledgerline.app.web.qbo.QboInvoiceWork.id;
import static io.ledgerline.app.web.qbo.QboInvoiceWork.line;
import static io.ledgerline.app.web.qbo.QboInvoiceWork.onlyQboInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.integration.qbo.QboChangeHandler;
import io.ledgerline.app.integration.qbo.QboPlannedChange;
import io.ledgerline.app.integration.qbo.QboReconciler;
import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboFake;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/** Pushes on finalize, voids both ways, payments and deletions coming back, force resync, 5010, dates. */
class QboInvoiceSyncBackIntegrationTest extends IntegrationTest {

    @Autowired
    private List<QboChangeHandler> changeHandlers;
    @Autowired
    private List<QboReconciler> reconcilers;

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

    private ObjectNode pushed(Map<?, ?> invoice) {
        api.post(org.token(), INVOICES + "/" + id(invoice) + "/qbo-push", Map.of()).exchange()
                .expectStatus().isOk();
        return onlyQboInvoice(realm, invoice);
    }

    /** The scheduled change pull, run now: QuickBooks' changes since the last pull come back through CDC. */
    private void changesPulled() {
        web.post().uri("/api/v1/cron/qbo-sync-all").header("X-Ledgerline-Cron-Token", "test-cron-token")
                .exchange()
                .expectStatus().isOk();
    }

    /** The same change delivered again (a webhook after the pull, a redelivery) straight to its handler. */
    private void deliveredAgain(String entity, ObjectNode record) {
        changeHandlers.stream().filter(handler -> handler.entities().contains(entity))
                .forEach(handler -> handler.apply(org.orgId(), realm.id(), entity, record));
    }

    private Map<?, ?> invoice(UUID invoiceId) {
        return api.get(org.token(), INVOICES + "/" + invoiceId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private QboReconciler invoiceReconciler() {
        return reconcilers.stream().filter(r -> r.entity() == QboEntity.INVOICE).findFirst().orElseThrow();
    }

    @Test
    void finalizedInvoiceIsPushedWhenPushOnFinalizeIsOn() {
        work.settings(org, new QboSettings(true, true, true));
        Map<?, ?> invoice = work.finalized(org, client.clientId());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> realm.invoicesByDocNumber((String) invoice.get("number")).size() == 1);
    }

    @Test
    void finalizedInvoiceIsNotPushedWhenPushOnFinalizeIsOff() {
        Map<?, ?> first = work.finalized(org, client.clientId());
        work.settings(org, new QboSettings(true, true, true));
        Map<?, ?> second = work.finalized(org, client.clientId());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> realm.invoicesByDocNumber((String) second.get("number")).size() == 1);

        // The saga handles events in order: the first invoice's finalize was handled before, and pushed nothing.
        assertThat(realm.invoicesByDocNumber((String) first.get("number"))).isEmpty();
    }

    @Test
    void voidingHereVoidsInQuickBooks() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        ObjectNode qbo = pushed(invoice);

        api.post(org.token(), INVOICES + "/" + id(invoice) + "/void", Map.of("reason", "Wrong client")).exchange()
                .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(20)).until(() ->
                realm.invoice(qbo.get("Id").asString()).path("PrivateNote").asString("").startsWith("Voided"));
        assertThat(realm.invoice(qbo.get("Id").asString()).get("TotalAmt").decimalValue()).isZero();
    }

    @Test
    void voidedInQuickBooksIsVoidedHereOnce() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        ObjectNode qbo = pushed(invoice);
        ObjectNode voided = realm.voidInvoiceInQbo(qbo.get("Id").asString());

        changesPulled();
        deliveredAgain("Invoice", voided);

        await().untilAsserted(() -> assertThat(invoice(id(invoice)).get("status")).isEqualTo("void"));
        changesPulled();
        assertThat(invoice(id(invoice)).get("voidReason")).isEqualTo("Voided in QuickBooks");
        // Voiding here did not void QuickBooks' invoice a second time.
        assertThat(realm.requests().stream().filter(r -> "void".equals(r.param("operation")))).isEmpty();
    }

    @Test
    void paymentInQuickBooksUpdatesBalanceAndStatusHereOnce() {
        // Issued today, so that the status reads partially paid rather than overdue.
        Map<?, ?> invoice = work.finalizeInvoice(org, work.draft(org, client.clientId(),
                LocalDate.now(ZoneId.of("Europe/Berlin")), List.of(line("Consulting", 10, 100))));
        ObjectNode qbo = pushed(invoice);
        ObjectNode payment = realm.payInvoice(qbo.get("Id").asString(), new BigDecimal("190.00"));

        changesPulled();
        deliveredAgain("Payment", payment);

        await().untilAsserted(() -> {
            Map<?, ?> now = invoice(id(invoice));
            assertThat(now.get("status")).isEqualTo("partially_paid");
            assertThat(new BigDecimal(now.get("balanceDue").toString())).isEqualByComparingTo("1000.00");
        });
    }

    @Test
    void deletedInQuickBooksIsNotPushedAgainByItselfButForceResyncRecreatesIt() {
        Map<?, ?> invoice = work.finalized(org, client.clientId());
        ObjectNode qbo = pushed(invoice);
        realm.deleteInvoiceInQbo(qbo.get("Id").asString());
        changesPulled();

        api.post(org.token(), INVOICES + "/" + id(invoice) + "/qbo-push", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.operation").isEqualTo("skipped");
        assertThat(realm.invoicesByDocNumber((String) invoice.get("number"))).isEmpty();

        await().untilAsserted(() -> assertThat(invoiceReconciler().plan(org.orgId()))
                .extracting(QboPlannedChange::action).containsExactly(QboPlannedChange.Action.CREATE));
        invoiceReconciler().plan(org.orgId()).forEach(change -> invoiceReconciler().carryOut(org.orgId(), change));

        ObjectNode recreated = onlyQboInvoice(realm, invoice);
        assertThat(recreated.get("Id").asString()).isNotEqualTo(qbo.get("Id").asString());
        assertThat(invoiceReconciler().plan(org.orgId())).isEmpty();
    }

    @Test
    void forceResyncLinksUpdatesAndThenFindsNothing() {
        Map<?, ?> unpushed = work.finalized(org, client.clientId());
        Map<?, ?> inQboAlready = work.finalized(org, client.clientId());
        realm.addInvoice(client.customerId(), (String) inQboAlready.get("number"), new BigDecimal("1190.00"),
                LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 18));
        Map<?, ?> changedThere = work.finalized(org, client.clientId());
        ObjectNode qbo = pushed(changedThere);
        realm.changeInvoice(qbo.get("Id").asString(), invoice -> invoice.put("DueDate", "2026-12-31"));
        int writesBefore = realm.writes("Invoice");

        await().untilAsserted(() -> assertThat(invoiceReconciler().plan(org.orgId())).hasSize(3));
        List<QboPlannedChange> plan = invoiceReconciler().plan(org.orgId());

        assertThat(realm.writes("Invoice")).as("planning writes nothing").isEqualTo(writesBefore);
        assertThat(plan).extracting(QboPlannedChange::label, QboPlannedChange::action).containsExactlyInAnyOrder(
                tuple(unpushed.get("number"), QboPlannedChange.Action.CREATE),
                tuple(inQboAlready.get("number"), QboPlannedChange.Action.LINK),
                tuple(changedThere.get("number"), QboPlannedChange.Action.UPDATE));
        plan.forEach(change -> invoiceReconciler().carryOut(org.orgId(), change));

        assertThat(invoiceReconciler().plan(org.orgId())).isEmpty();
        onlyQboInvoice(realm, unpushed);
        onlyQboInvoice(realm, inQboAlready);
        assertThat(onlyQboInvoice(realm, changedThere).get("DueDate").asString()).isEqualTo("2026-05-18");
    }

    @Test
    void staleSyncTokenIsReadAgainAndTheUpdateRetriedOnceWithTheFullLineSet() {
        UUID draft = work.draft(org, client.clientId(), LocalDate.of(2026, 5, 4),
                List.of(line("Design", 2, 100), line("Build", 3, 100)));
        Map<?, ?> invoice = work.finalizeInvoice(org, draft);
        ObjectNode qbo = pushed(invoice);
        realm.changeInvoice(qbo.get("Id").asString(), changed -> ((tools.jackson.databind.node.ArrayNode)
                changed.get("Line")).remove(0));
        realm.staleNextUpdate();

        api.post(org.token(), INVOICES + "/" + draft + "/qbo-push", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.operation").isEqualTo("updated");

        ObjectNode now = onlyQboInvoice(realm, invoice);
        assertThat(now.get("TotalAmt").decimalValue()).isEqualByComparingTo("595.00");
        assertThat(realm.requests().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/invoice")
                && r.json().path("sparse").asBoolean(false))).hasSize(2)
                .allMatch(r -> r.json().get("Line").size() == 3);
    }

    @Test
    void businessDatesKeepTheirDayInEveryTimeZone() {
        for (String zone : List.of("Pacific/Honolulu", "Pacific/Kiritimati")) {
            api.patch(org.token(), "/api/v1/organization", Map.of("timeZone", zone)).exchange()
                    .expectStatus().isOk();
            UUID draft = work.draft(org, client.clientId(), LocalDate.of(2026, 12, 31),
                    List.of(line("Work", 1, 10)));
            Map<?, ?> invoice = work.finalizeInvoice(org, draft);

            ObjectNode qbo = pushed(invoice);

            assertThat(qbo.get("TxnDate").asString()).as(zone).isEqualTo("2026-12-31");
            assertThat(qbo.get("DueDate").asString()).as(zone).isEqualTo("2027-01-14");
        }
    }
}
