package io.ledgerline.app.web.invoice;

import static io.ledgerline.app.web.invoice.InvoiceApi.INVOICES;
import static io.ledgerline.app.web.invoice.InvoiceApi.TODAY;
import static io.ledgerline.app.web.invoice.InvoiceApi.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** Finalizing, numbering, voiding, payments, an invoice's history, and what invoices mean for their client. */
class InvoiceLifecycleIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private InvoiceApi invoices;

    @BeforeEach
    void invoices() {
        invoices = new InvoiceApi(api, web);
    }

    // finalizing

    @Test
    void finalizingNumbersEachOrganizationsInvoicesFromOne() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID first = invoices.draft(org, invoices.client(org));
        UUID theirs = invoices.draft(other, invoices.client(other));
        UUID second = invoices.draft(org, invoices.client(org));
        invoices.action(org.token(), INVOICES + "/" + first + "/finalize", "\"0\"", null)
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.id").isEqualTo(first.toString()).jsonPath("$.version").isEqualTo(1);
        invoices.finalizeInvoice(other, theirs);
        invoices.finalizeInvoice(org, second);
        assertThat(invoices.read(org, first, 1).get("number")).isEqualTo("INV-000001");
        assertThat(invoices.read(other, theirs, 1).get("number")).isEqualTo("INV-000001");
        Map<?, ?> issued = invoices.read(org, second, 1);
        assertThat(issued.get("number")).isEqualTo("INV-000002");
        assertThat(issued.get("status")).isEqualTo("unpaid");
        assertThat(issued.get("finalizedAt")).isNotNull();
    }

    @Test
    void aFinalizationThatFailsGivesItsNumberBack() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        api.patch(org.token(), INVOICES + "/" + id, Map.of("notes", "Changed meanwhile")).exchange()
                .expectStatus().isOk();
        // The stale version is only found when the finalization is stored, after it took its number.
        invoices.action(org.token(), INVOICES + "/" + id + "/finalize", "\"0\"", null)
                .expectStatus().isEqualTo(412);
        invoices.action(org.token(), INVOICES + "/" + id + "/finalize", "\"1\"", null)
                .expectStatus().isOk();
        assertThat(invoices.read(org, id, 2).get("number")).isEqualTo("INV-000001");
    }

    @Test
    void anEmptyOrWorthlessInvoiceCannotBeFinalizedAndTakesNoNumber() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        UUID empty = invoices.create(org.token(), InvoiceApi.draft(clientId, List.of()));
        invoices.action(org.token(), INVOICES + "/" + empty + "/finalize", null, null)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("invoice.empty");
        UUID worthless = invoices.create(org.token(), InvoiceApi.draft(clientId,
                List.of(line("Work", 1, 100), line("Goodwill", 1, -100))));
        invoices.action(org.token(), INVOICES + "/" + worthless + "/finalize", null, null)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("invoice.total_not_positive");
        UUID real = invoices.draft(org, clientId);
        invoices.finalizeInvoice(org, real);
        assertThat(invoices.read(org, real, 1).get("number")).isEqualTo("INV-000001");
    }

    @Test
    void aFinalizedInvoiceCanNoLongerBeEdited() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        invoices.finalizeInvoice(org, id);
        String path = INVOICES + "/" + id;
        Map<?, ?> invoice = invoices.read(org, id, 1);
        String lineId = (String) ((Map<?, ?>) ((List<?>) invoice.get("lines")).get(0)).get("id");
        for (var attempt : List.of(
                invoices.request(HttpMethod.PATCH, org.token(), path, Map.of("notes", "late"), null),
                invoices.request(HttpMethod.DELETE, org.token(), path, null, null),
                invoices.request(HttpMethod.POST, org.token(), path + "/lines", line("Late", 1, 1), null),
                invoices.request(HttpMethod.PATCH, org.token(), path + "/lines/" + lineId, Map.of("unitPrice", 1),
                        null),
                invoices.request(HttpMethod.DELETE, org.token(), path + "/lines/" + lineId, null, null),
                invoices.action(org.token(), path + "/finalize", null, null))) {
            attempt.expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("invoice.not_draft");
        }
    }

    @Test
    void concurrentFinalizationsShareNoNumberAndSkipNone() throws Exception {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        List<UUID> drafts = IntStream.range(0, 20).mapToObj(i -> invoices.draft(org, clientId)).toList();
        // One draft that fails after taking its number: the number goes back to the sequence.
        UUID broken = invoices.create(org.token(), InvoiceApi.draft(clientId, List.of()));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> finalizing = new ArrayList<>();
            for (UUID id : drafts) {
                finalizing.add(pool.submit(() -> finalizeStatus(org, id)));
            }
            finalizing.add(pool.submit(() -> finalizeStatus(org, broken)));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : finalizing) {
                statuses.add(result.get());
            }
            assertThat(statuses.subList(0, 20)).containsOnly(200);
            assertThat(statuses.get(20)).isEqualTo(422);
        } finally {
            pool.shutdown();
        }
        List<String> numbers = drafts.stream().map(id -> (String) invoices.read(org, id, 1).get("number")).toList();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20)
                .mapToObj(n -> String.format("INV-%06d", n)).toList());
    }

    // voiding

    @Test
    void voidsWithAReasonAndNeverGivesTheNumberAgain() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        UUID id = invoices.draft(org, clientId);
        invoices.finalizeInvoice(org, id);
        String path = INVOICES + "/" + id;
        api.post(org.token(), path + "/void", Map.of("reason", " ")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        api.post(org.token(), path + "/void", Map.of("reason", "Billed the wrong client")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        Map<?, ?> voided = invoices.read(org, id, 2);
        assertThat(voided.get("status")).isEqualTo("void");
        assertThat(voided.get("number")).isEqualTo("INV-000001");
        assertThat(voided.get("voidReason")).isEqualTo("Billed the wrong client");
        assertThat(voided.get("voidedAt")).isNotNull();
        api.post(org.token(), path + "/void", Map.of("reason", "Again")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("invoice.void");
        api.post(org.token(), path + "/payments", InvoiceApi.payment(10)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("invoice.void");
        UUID next = invoices.draft(org, clientId);
        invoices.finalizeInvoice(org, next);
        assertThat(invoices.read(org, next, 1).get("number")).isEqualTo("INV-000002");
    }

    @Test
    void onlyAFinalizedInvoiceWithoutPaymentsIsVoided() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        UUID draft = invoices.draft(org, clientId);
        api.post(org.token(), INVOICES + "/" + draft + "/void", Map.of("reason", "Oops")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("invoice.not_finalized");
        UUID paid = invoices.draft(org, clientId);
        invoices.finalizeInvoice(org, paid);
        invoices.pay(org, paid, 100);
        api.post(org.token(), INVOICES + "/" + paid + "/void", Map.of("reason", "Oops")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("invoice.has_payments");
    }

    // payments

    @Test
    void recordsPaymentsUntilTheInvoiceIsPaid() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        String path = INVOICES + "/" + id;
        api.post(org.token(), path + "/payments", InvoiceApi.payment(100)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("invoice.not_finalized");
        invoices.finalizeInvoice(org, id);
        var recorded = api.post(org.token(), path + "/payments", Map.of("amount", 190.5, "date", TODAY.toString(),
                        "method", "card", "reference", " VISA 4242 "))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody(Map.class).returnResult();
        String paymentId = (String) recorded.getResponseBody().get("id");
        assertThat(recorded.getResponseHeaders().getLocation()).hasToString(path + "/payments/" + paymentId);
        api.get(org.token(), path + "/payments/" + paymentId + "?minVersion=2").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody()
                .jsonPath("$.amount").isEqualTo(190.5)
                .jsonPath("$.date").isEqualTo(TODAY.toString())
                .jsonPath("$.method").isEqualTo("card")
                .jsonPath("$.reference").isEqualTo("VISA 4242");
        Map<?, ?> partly = invoices.read(org, id, 2);
        assertThat(partly.get("status")).isEqualTo("partially_paid");
        assertThat(partly.get("paid")).isEqualTo(190.5);
        assertThat(partly.get("balanceDue")).isEqualTo(999.5);
        api.post(org.token(), path + "/payments", InvoiceApi.payment(999.51)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("payment.exceeds_balance");
        api.post(org.token(), path + "/payments", InvoiceApi.payment(0.005)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("payment.amount_precision");
        invoices.pay(org, id, 999.5);
        Map<?, ?> paid = invoices.read(org, id, 3);
        assertThat(paid.get("status")).isEqualTo("paid");
        assertThat(paid.get("balanceDue")).isEqualTo(0.0);
        assertThat((List<?>) paid.get("payments")).hasSize(2);
        api.post(org.token(), path + "/payments", InvoiceApi.payment(0.01)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("payment.exceeds_balance");
        api.get(org.token(), path + "/payments/" + UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("payment.not_found");
    }

    @Test
    void invalidPaymentsAreRejectedByField() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        invoices.finalizeInvoice(org, id);
        api.post(org.token(), INVOICES + "/" + id + "/payments", Map.of("amount", 0, "reference", "x".repeat(201)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'amount')].code").isEqualTo("too_small")
                .jsonPath("$.errors[?(@.field == 'date')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'method')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'reference')].code").isEqualTo("size");
        api.post(org.token(), INVOICES + "/" + id + "/payments",
                        Map.of("amount", 10, "date", TODAY.toString(), "method", "barter"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("method");
    }

    @Test
    void anOpenInvoiceIsOverdueOnceItsDueDatePassed() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        UUID late = invoices.pastDueDraft(org, clientId);
        invoices.finalizeInvoice(org, late);
        assertThat(invoices.read(org, late, 1).get("status")).isEqualTo("overdue");
        invoices.pay(org, late, 100);
        assertThat(invoices.read(org, late, 2).get("status")).isEqualTo("overdue");
        invoices.pay(org, late, 1090);
        assertThat(invoices.read(org, late, 3).get("status")).isEqualTo("paid");
    }

    @Test
    void finalizingVoidingAndPayingAnswerAReplayedKeyWithTheFirstResponse() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        UUID id = invoices.draft(org, clientId);
        String path = INVOICES + "/" + id;
        String finalizeKey = "finalize-" + UUID.randomUUID();
        String first = invoices.action(org.token(), path + "/finalize", null, finalizeKey)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        invoices.action(org.token(), path + "/finalize", null, finalizeKey)
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(first);
        String paymentKey = "payment-" + UUID.randomUUID();
        String firstPayment = api.post(org.token(), path + "/payments", InvoiceApi.payment(10), paymentKey)
                .exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        api.post(org.token(), path + "/payments", InvoiceApi.payment(10), paymentKey).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(firstPayment);
        assertThat((List<?>) invoices.read(org, id, 2).get("payments")).hasSize(1);

        UUID other = invoices.draft(org, clientId);
        invoices.finalizeInvoice(org, other);
        String voidKey = "void-" + UUID.randomUUID();
        String firstVoid = api.post(org.token(), INVOICES + "/" + other + "/void", Map.of("reason", "Duplicate"),
                        voidKey)
                .exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        api.post(org.token(), INVOICES + "/" + other + "/void", Map.of("reason", "Duplicate"), voidKey).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(firstVoid);
    }

    // history

    @Test
    void showsAnInvoiceAsItWasAtAnyMomentOfItsLife() {
        Api.Org org = api.signUp();
        Instant beforeIt = waitPast(Instant.now());
        UUID id = invoices.draft(org, invoices.client(org));
        String path = INVOICES + "/" + id;
        Instant drafted = waitPast(Instant.now());
        api.post(org.token(), path + "/lines", line("Hosting", 2, 49.99)).exchange().expectStatus().isCreated();
        api.patch(org.token(), path, Map.of("taxRate", 7, "notes", "Second draft")).exchange()
                .expectStatus().isOk();
        Instant edited = waitPast(Instant.now());
        invoices.finalizeInvoice(org, id);
        Instant finalized = waitPast(Instant.now());
        invoices.pay(org, id, 100);
        Instant paid = waitPast(Instant.now());
        // The payment is refunded outside Ledgerline; voiding needs an invoice without payments, so a second
        // invoice shows the void.
        UUID voided = invoices.draft(org, invoices.client(org));
        invoices.finalizeInvoice(org, voided);
        Instant issuedTwice = waitPast(Instant.now());
        api.post(org.token(), INVOICES + "/" + voided + "/void", Map.of("reason", "Sent twice")).exchange()
                .expectStatus().isOk();
        Instant afterVoid = waitPast(Instant.now());

        api.get(org.token(), path + "?asOf=" + beforeIt).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("invoice.not_found");
        asOf(org, path, drafted)
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.status").isEqualTo("draft")
                .jsonPath("$.lines.length()").isEqualTo(1)
                .jsonPath("$.taxRate").isEqualTo(19)
                .jsonPath("$.total").isEqualTo(1190.0)
                .jsonPath("$.notes").doesNotExist();
        asOf(org, path, edited)
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.status").isEqualTo("draft")
                .jsonPath("$.number").doesNotExist()
                .jsonPath("$.lines.length()").isEqualTo(2)
                .jsonPath("$.subtotal").isEqualTo(1099.98)
                .jsonPath("$.tax").isEqualTo(77.0)
                .jsonPath("$.total").isEqualTo(1176.98)
                .jsonPath("$.notes").isEqualTo("Second draft");
        asOf(org, path, finalized)
                .jsonPath("$.version").isEqualTo(3)
                .jsonPath("$.status").isEqualTo("unpaid")
                .jsonPath("$.number").isEqualTo("INV-000001")
                .jsonPath("$.payments").isEmpty()
                .jsonPath("$.balanceDue").isEqualTo(1176.98);
        asOf(org, path, paid)
                .jsonPath("$.version").isEqualTo(4)
                .jsonPath("$.status").isEqualTo("partially_paid")
                .jsonPath("$.payments.length()").isEqualTo(1)
                .jsonPath("$.balanceDue").isEqualTo(1076.98);
        api.get(org.token(), INVOICES + "/" + voided + "?asOf=" + paid).exchange()
                .expectStatus().isNotFound();
        asOf(org, INVOICES + "/" + voided, issuedTwice)
                .jsonPath("$.status").isEqualTo("unpaid")
                .jsonPath("$.voidReason").doesNotExist();
        asOf(org, INVOICES + "/" + voided, afterVoid)
                .jsonPath("$.status").isEqualTo("void")
                .jsonPath("$.number").isEqualTo("INV-000002")
                .jsonPath("$.voidReason").isEqualTo("Sent twice");

        // Now, the events folded and the read model written from them say exactly the same.
        Map<?, ?> now = api.get(org.token(), path + "?asOf=" + afterVoid).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(invoices.read(org, id, 4)).isEqualTo(now);
    }

    @Test
    void badPointInTimeRequestsAreRejected() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        String path = INVOICES + "/" + id;
        api.get(org.token(), path + "?asOf=yesterday").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        api.get(org.token(), path + "?asOf=" + Instant.now().plusSeconds(3600)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        api.get(org.token(), path + "?asOf=" + Instant.now() + "&minVersion=0").exchange()
                .expectStatus().isBadRequest();
        UUID clientId = invoices.client(org);
        api.get(org.token(), INVOICES + "/" + clientId + "?asOf=" + Instant.now()).exchange()
                .expectStatus().isNotFound();
        invoices.request(HttpMethod.DELETE, org.token(), path, null, null).expectStatus().isOk();
        api.get(org.token(), path + "?asOf=" + waitPast(Instant.now())).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theAuditTrailShowsEveryStepAndWhoTookIt() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        invoices.finalizeInvoice(org, id);
        invoices.pay(org, id, 10);
        api.get(org.token(), "/api/v1/audit/invoices/" + id + "/events").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].type").isEqualTo(List.of("InvoiceDraftCreated", "InvoiceFinalized",
                        "PaymentRecorded"))
                .jsonPath("$.items[1].actor").isEqualTo(org.ownerId().toString())
                .jsonPath("$.items[1].payload.number").isEqualTo("INV-000001");
    }

    // the client

    @Test
    void aClientIsDeletedOnlyWithoutDraftsAndUnpaidInvoices() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        String client = "/api/v1/clients/" + clientId;
        UUID id = invoices.draft(org, clientId);
        api.delete(org.token(), client).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("client.has_invoice_drafts");
        invoices.finalizeInvoice(org, id);
        api.delete(org.token(), client).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("client.has_unpaid_invoices");
        invoices.pay(org, id, 1000);
        api.delete(org.token(), client).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("client.has_unpaid_invoices");
        invoices.pay(org, id, 190);
        UUID voided = invoices.draft(org, clientId);
        invoices.finalizeInvoice(org, voided);
        api.post(org.token(), INVOICES + "/" + voided + "/void", Map.of("reason", "Wrong month")).exchange()
                .expectStatus().isOk();
        api.delete(org.token(), client).exchange().expectStatus().isOk();
        // Issued invoices are accounting records: they stay, and so does their place in the sequence.
        assertThat(invoices.read(org, id, 3).get("status")).isEqualTo("paid");
        api.post(org.token(), INVOICES, InvoiceApi.draft(clientId, List.of())).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not_found");
    }

    @Test
    void clientDetailsCountTheClientsInvoicesByStatus() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        invoices.draft(org, clientId);
        UUID unpaid = invoices.draft(org, clientId);
        invoices.finalizeInvoice(org, unpaid);
        UUID partly = invoices.draft(org, clientId);
        invoices.finalizeInvoice(org, partly);
        invoices.pay(org, partly, 1);
        UUID overdue = invoices.pastDueDraft(org, clientId);
        invoices.finalizeInvoice(org, overdue);
        UUID paid = invoices.draft(org, clientId);
        invoices.finalizeInvoice(org, paid);
        invoices.pay(org, paid, 1190);
        UUID voided = invoices.draft(org, clientId);
        invoices.finalizeInvoice(org, voided);
        api.post(org.token(), INVOICES + "/" + voided + "/void", Map.of("reason", "Wrong")).exchange()
                .expectStatus().isOk();
        invoices.draft(org, invoices.client(org));
        await().atMost(PATIENCE).untilAsserted(() ->
                api.get(org.token(), "/api/v1/clients/" + clientId).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.invoiceCounts.draft").isEqualTo(1)
                        .jsonPath("$.invoiceCounts.unpaid").isEqualTo(1)
                        .jsonPath("$.invoiceCounts.partiallyPaid").isEqualTo(1)
                        .jsonPath("$.invoiceCounts.overdue").isEqualTo(1)
                        .jsonPath("$.invoiceCounts.paid").isEqualTo(1)
                        .jsonPath("$.invoiceCounts.voided").isEqualTo(1));
        api.get(org.token(), "/api/v1/clients?status=all").exchange()
                .expectBody().jsonPath("$.items[0].invoiceCounts").doesNotExist();
    }

    private int finalizeStatus(Api.Org org, UUID invoiceId) {
        return invoices.action(org.token(), INVOICES + "/" + invoiceId + "/finalize", null, null)
                .expectBody(String.class).returnResult().getStatus().value();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec asOf(Api.Org org,
                                                                                          String path,
                                                                                          Instant moment) {
        return api.get(org.token(), path + "?asOf=" + moment).exchange()
                .expectStatus().isOk()
                .expectBody();
    }

    /**
     * The moment, once the clock has moved past it: the event store keeps times to the millisecond, so the next
     * write must fall in a later millisecond to be told apart from what the moment saw.
     */
    private static Instant waitPast(Instant moment) {
        await().pollInterval(Duration.ofMillis(1)).atMost(PATIENCE)
                .until(() -> Instant.now().isAfter(moment.plusMillis(1)));
        return moment;
    }
}
