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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** Drafts: creating, reading, listing and editing them, and what every invoice endpoint refuses. */
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
                .jsonPath("$.issueDate").isEqualTo(TODAY.toString())
                .jsonPath("$.dueDate").isEqualTo(TODAY.plusDays(14).toString())
                .jsonPath("$.taxRate").isEqualTo(19)
                .jsonPath("$.grouping").isEqualTo("by_task")
                .jsonPath("$.billTo.name").value(name -> assertThat((String) name).startsWith("Acme "))
                .jsonPath("$.billTo.contactName").isEqualTo("Accounts Payable")
                .jsonPath("$.billTo.email").isEqualTo("ap@acme.example")
                .jsonPath("$.billTo.address.city").isEqualTo("Berlin")
                .jsonPath("$.billTo.taxId").isEqualTo("DE123456789")
                .jsonPath("$.billTo.paymentTermsDays").isEqualTo(14)
                .jsonPath("$.lines.length()").isEqualTo(2)
                .jsonPath("$.lines[0].kind").isEqualTo("manual")
                .jsonPath("$.lines[0].description").isEqualTo("Consulting")
                .jsonPath("$.lines[0].quantity").isEqualTo(7.5)
                .jsonPath("$.lines[0].unitPrice").isEqualTo(120)
                .jsonPath("$.lines[0].amount").isEqualTo(900.0)
                .jsonPath("$.lines[1].amount").isEqualTo(49.99)
                .jsonPath("$.subtotal").isEqualTo(949.99)
                .jsonPath("$.tax").isEqualTo(180.5)
                .jsonPath("$.total").isEqualTo(1130.49)
                .jsonPath("$.paid").isEqualTo(0.0)
                .jsonPath("$.balanceDue").isEqualTo(1130.49)
                .jsonPath("$.payments").isEmpty()
                .jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void aDraftTakesTheTermsItIsGivenAndMayStartEmpty() {
        Api.Org org = api.signUp();
        Map<String, Object> body = InvoiceApi.draft(invoices.client(org), List.of());
        body.put("currency", "JPY");
        body.put("taxRate", 8.875);
        body.put("dueDate", TODAY.plusDays(60).toString());
        body.put("notes", "  Thank you!  ");
        UUID id = invoices.create(org.token(), body);
        api.post(org.token(), INVOICES + "/" + id + "/lines", line("Licence", 3, 333.5)).exchange()
                .expectStatus().isCreated();
        api.get(org.token(), INVOICES + "/" + id + "?minVersion=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.currency").isEqualTo("JPY")
                .jsonPath("$.billTo.currency").isEqualTo("EUR")
                .jsonPath("$.taxRate").isEqualTo(8.875)
                .jsonPath("$.dueDate").isEqualTo(TODAY.plusDays(60).toString())
                .jsonPath("$.notes").isEqualTo("Thank you!")
                .jsonPath("$.lines[0].amount").isEqualTo(1001)
                .jsonPath("$.tax").isEqualTo(89)
                .jsonPath("$.total").isEqualTo(1090);
    }

    @Test
    void aDraftKeepsTheBillingInForceWhenItWasCreated() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        UUID before = invoices.draft(org, clientId);
        api.patch(org.token(), "/api/v1/clients/" + clientId + "/billing",
                        Map.of("contactName", "Finance Dept", "taxRate", 7, "paymentTermsDays", 30))
                .exchange()
                .expectStatus().isOk();
        // Created right after the change: the snapshot comes from the command side, which is never behind.
        UUID after = invoices.draft(org, clientId);
        api.get(org.token(), INVOICES + "/" + before + "?minVersion=0").exchange()
                .expectBody()
                .jsonPath("$.billTo.contactName").isEqualTo("Accounts Payable")
                .jsonPath("$.taxRate").isEqualTo(19)
                .jsonPath("$.dueDate").isEqualTo(TODAY.plusDays(14).toString());
        api.get(org.token(), INVOICES + "/" + after + "?minVersion=0").exchange()
                .expectBody()
                .jsonPath("$.billTo.contactName").isEqualTo("Finance Dept")
                .jsonPath("$.billTo.address.city").isEqualTo("Berlin")
                .jsonPath("$.taxRate").isEqualTo(7)
                .jsonPath("$.dueDate").isEqualTo(TODAY.plusDays(30).toString());
    }

    @Test
    void invalidDraftsAreRejectedByField() {
        Api.Org org = api.signUp();
        Map<String, Object> bad = new HashMap<>();
        bad.put("currency", "euro");
        bad.put("taxRate", -1);
        bad.put("notes", "x".repeat(5001));
        bad.put("lines", List.of(Map.of("description", " ", "quantity", 0, "unitPrice", 1.23456)));
        api.post(org.token(), INVOICES, bad).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation.failed")
                .jsonPath("$.errors[?(@.field == 'clientId')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'currency')].code").isEqualTo("pattern")
                .jsonPath("$.errors[?(@.field == 'taxRate')].code").isEqualTo("too_small")
                .jsonPath("$.errors[?(@.field == 'notes')].code").isEqualTo("size")
                .jsonPath("$.errors[?(@.field == 'lines[0].description')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'lines[0].quantity')].code").isEqualTo("too_small")
                .jsonPath("$.errors[?(@.field == 'lines[0].unitPrice')].code").isEqualTo("digits");
        Map<String, Object> unknownCurrency = InvoiceApi.draft(UUID.randomUUID(), List.of());
        unknownCurrency.put("currency", "XYZ");
        api.post(org.token(), INVOICES, unknownCurrency).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("invalid_currency");
        Map<String, Object> weekly = InvoiceApi.draft(UUID.randomUUID(), List.of());
        weekly.put("grouping", "weekly");
        api.post(org.token(), INVOICES, weekly).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("grouping");
        api.postRaw(org.token(), INVOICES, "{\"colour\": \"red\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.unknown_field");
        api.postRaw(org.token(), INVOICES, "{\"clientId\": ").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.malformed_json");
    }

    @Test
    void draftRulesAreUnprocessable() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        Map<String, Object> backwards = InvoiceApi.draft(clientId, List.of());
        backwards.put("dueDate", TODAY.minusDays(1).toString());
        api.post(org.token(), INVOICES, backwards).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("invoice.due_before_issue");
        Map<String, Object> halfPeriod = InvoiceApi.draft(clientId, List.of());
        halfPeriod.put("periodStart", TODAY.minusDays(30).toString());
        api.post(org.token(), INVOICES, halfPeriod).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("invoice.period_invalid");
    }

    @Test
    void aDraftNeedsAClientOfTheOrganization() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID othersClient = invoices.client(other);
        api.post(org.token(), INVOICES, InvoiceApi.draft(othersClient, List.of())).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not_found");
        api.post(org.token(), INVOICES, InvoiceApi.draft(UUID.randomUUID(), List.of())).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not_found");
    }

    @Test
    void aSingleInvoiceAcceptsOnlyMinVersionOrAsOf() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        String path = INVOICES + "/" + id;
        api.get(org.token(), path + "?colour=red").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown_parameter");
        api.get(org.token(), path + "?minVersion=-1").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("minVersion");
        api.get(org.token(), INVOICES + "/not-a-uuid").exchange()
                .expectStatus().isBadRequest();
        api.get(org.token(), INVOICES + "/" + UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("invoice.not_found");
    }

    // listing

    @Test
    void listsNewestFirstWithFiltersAndPages() {
        Api.Org org = api.signUp();
        UUID acme = invoices.client(org);
        UUID globex = invoices.client(org);
        UUID old = invoices.pastDueDraft(org, acme);
        UUID recent = invoices.draft(org, acme);
        UUID theirs = invoices.draft(org, globex);
        long finalized = invoices.finalizeInvoice(org, old);
        invoices.read(org, old, finalized);
        invoices.read(org, recent, 0);
        invoices.read(org, theirs, 0);

        Map<?, ?> page = list(org, "");
        assertThat(ids(page)).hasSize(3).endsWith(old.toString());
        assertThat(ids(list(org, "?clientId=" + acme))).containsExactly(recent.toString(), old.toString());
        assertThat(ids(list(org, "?status=draft"))).containsExactlyInAnyOrder(recent.toString(), theirs.toString());
        assertThat(ids(list(org, "?status=overdue"))).containsExactly(old.toString());
        assertThat(ids(list(org, "?status=unpaid"))).isEmpty();
        assertThat(ids(list(org, "?to=" + TODAY.minusDays(1)))).containsExactly(old.toString());
        assertThat(ids(list(org, "?from=" + TODAY + "&clientId=" + acme))).containsExactly(recent.toString());
        assertThat(ids(list(org, "?search=inv-000001"))).containsExactly(old.toString());
        assertThat(ids(list(org, "?search=000002"))).isEmpty();
        Map<?, ?> listed = (Map<?, ?>) ((List<?>) list(org, "?search=1").get("items")).get(0);
        assertThat(listed.get("status")).isEqualTo("overdue");
        assertThat(listed.get("number")).isEqualTo("INV-000001");
        assertThat(listed.containsKey("lines")).isFalse();
        assertThat(((Map<?, ?>) listed.get("billTo")).get("contactName")).isEqualTo("Accounts Payable");

        Map<?, ?> first = list(org, "?limit=2");
        assertThat(ids(first)).hasSize(2);
        Map<?, ?> second = list(org, "?limit=2&cursor=" + first.get("nextCursor"));
        assertThat(ids(second)).containsExactly(old.toString());
        assertThat(second.get("nextCursor")).isNull();

        Api.Org other = api.signUp();
        assertThat(ids(list(other, ""))).isEmpty();
    }

    @Test
    void badListQueriesAreRejected() {
        Api.Org org = api.signUp();
        for (String query : List.of("?colour=red", "?status=late", "?from=yesterday", "?clientId=acme",
                "?cursor=nonsense", "?limit=0", "?search=" + "9".repeat(33))) {
            api.get(org.token(), INVOICES + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("request.bad_query");
        }
    }

    // editing a draft

    @Test
    void changesTheTermsOfADraft() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        String path = INVOICES + "/" + id;
        api.patch(org.token(), path, Map.of("issueDate", TODAY.plusDays(1).toString(),
                        "dueDate", TODAY.plusDays(31).toString(), "taxRate", 7, "notes", "Net 30"), "\"0\"")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.version").isEqualTo(1);
        api.get(org.token(), path + "?minVersion=1").exchange()
                .expectBody()
                .jsonPath("$.issueDate").isEqualTo(TODAY.plusDays(1).toString())
                .jsonPath("$.dueDate").isEqualTo(TODAY.plusDays(31).toString())
                .jsonPath("$.taxRate").isEqualTo(7)
                .jsonPath("$.tax").isEqualTo(70.0)
                .jsonPath("$.notes").isEqualTo("Net 30");
        api.patch(org.token(), path, Map.of("notes", " ")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        api.patch(org.token(), path, Map.of("taxRate", 7.0)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        api.get(org.token(), path + "?minVersion=2").exchange()
                .expectBody().jsonPath("$.notes").doesNotExist();
    }

    @Test
    void invalidTermChangesAreRejected() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        String path = INVOICES + "/" + id;
        api.patch(org.token(), path, Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("validation.failed");
        api.patch(org.token(), path, Map.of("taxRate", 101)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("taxRate");
        api.patch(org.token(), path, Map.of("dueDate", "tomorrow")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dueDate");
        api.patch(org.token(), path, Map.of("dueDate", TODAY.minusDays(1).toString())).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("invoice.due_before_issue");
    }

    @Test
    void addsChangesAndRemovesLines() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        String path = INVOICES + "/" + id;
        var added = api.post(org.token(), path + "/lines", line("Discount", 1, -100)).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(Map.class).returnResult();
        String lineId = (String) added.getResponseBody().get("id");
        assertThat(added.getResponseHeaders().getLocation()).hasToString(path + "/lines/" + lineId);
        api.get(org.token(), path + "/lines/" + lineId + "?minVersion=1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.id").isEqualTo(lineId)
                .jsonPath("$.kind").isEqualTo("manual")
                .jsonPath("$.amount").isEqualTo(-100.0);
        api.patch(org.token(), path + "/lines/" + lineId, Map.of("description", "Loyalty discount",
                        "quantity", 2, "unitPrice", -25.005), "\"1\"")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(lineId).jsonPath("$.version").isEqualTo(2);
        api.get(org.token(), path + "?minVersion=2").exchange()
                .expectBody()
                .jsonPath("$.lines[1].description").isEqualTo("Loyalty discount")
                .jsonPath("$.lines[1].amount").isEqualTo(-50.01)
                .jsonPath("$.subtotal").isEqualTo(949.99)
                .jsonPath("$.total").isEqualTo(1130.49);
        invoices.request(HttpMethod.DELETE, org.token(), path + "/lines/" + lineId, null, "\"2\"")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(3);
        api.get(org.token(), path + "?minVersion=3").exchange()
                .expectBody()
                .jsonPath("$.lines.length()").isEqualTo(1)
                .jsonPath("$.total").isEqualTo(1190.0);
        api.get(org.token(), path + "/lines/" + lineId).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("invoice.line_not_found");
    }

    @Test
    void invalidLineRequestsAreRejected() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        String path = INVOICES + "/" + id;
        api.post(org.token(), path + "/lines", Map.of("quantity", -1)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'description')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'quantity')].code").isEqualTo("too_small")
                .jsonPath("$.errors[?(@.field == 'unitPrice')].code").isEqualTo("required");
        api.patch(org.token(), path + "/lines/" + UUID.randomUUID(), Map.of()).exchange()
                .expectStatus().isBadRequest();
        api.patch(org.token(), path + "/lines/" + UUID.randomUUID(), Map.of("description", "")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("description");
        api.patch(org.token(), path + "/lines/" + UUID.randomUUID(), Map.of("unitPrice", 1)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("invoice.line_not_found");
        invoices.request(HttpMethod.DELETE, org.token(), path + "/lines/" + UUID.randomUUID(), null, null)
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("invoice.line_not_found");
    }

    @Test
    void deletesADraft() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        invoices.read(org, id, 0);
        invoices.request(HttpMethod.DELETE, org.token(), INVOICES + "/" + id, null, "\"0\"")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api.get(org.token(), INVOICES + "/" + id).exchange().expectStatus().isNotFound());
        invoices.request(HttpMethod.DELETE, org.token(), INVOICES + "/" + id, null, null)
                .expectStatus().isNotFound();
        api.post(org.token(), INVOICES + "/" + id + "/lines", line("Late", 1, 1)).exchange()
                .expectStatus().isNotFound();
    }

    // what every endpoint refuses

    /** Every endpoint of the invoices API, on an invoice, a line and a payment of the organization. */
    private List<Endpoint> endpoints(UUID invoiceId, UUID lineId, UUID paymentId) {
        String path = INVOICES + "/" + invoiceId;
        return List.of(
                new Endpoint(HttpMethod.GET, INVOICES, null),
                new Endpoint(HttpMethod.POST, INVOICES, InvoiceApi.draft(UUID.randomUUID(), List.of())),
                new Endpoint(HttpMethod.GET, path, null),
                new Endpoint(HttpMethod.PATCH, path, Map.of("notes", "x")),
                new Endpoint(HttpMethod.DELETE, path, null),
                new Endpoint(HttpMethod.POST, path + "/lines", line("x", 1, 1)),
                new Endpoint(HttpMethod.GET, path + "/lines/" + lineId, null),
                new Endpoint(HttpMethod.PATCH, path + "/lines/" + lineId, Map.of("unitPrice", 1)),
                new Endpoint(HttpMethod.DELETE, path + "/lines/" + lineId, null),
                new Endpoint(HttpMethod.POST, path + "/finalize", null),
                new Endpoint(HttpMethod.POST, path + "/void", Map.of("reason", "x")),
                new Endpoint(HttpMethod.POST, path + "/payments", InvoiceApi.payment(1)),
                new Endpoint(HttpMethod.GET, path + "/payments/" + paymentId, null));
    }

    private record Endpoint(HttpMethod method, String path, Object body) {

        boolean reads() {
            return method == HttpMethod.GET;
        }

        boolean finalizesOrPays() {
            return path.endsWith("/finalize") || path.endsWith("/void") || path.endsWith("/payments");
        }
    }

    @Test
    void everyEndpointNeedsAToken() {
        for (Endpoint endpoint : endpoints(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())) {
            invoices.request(endpoint.method(), null, endpoint.path(), endpoint.body(), null)
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.code").isEqualTo("auth.unauthenticated");
        }
    }

    @Test
    void everyEndpointNeedsItsPermission() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        Api.Session manager = api.member(org, "manager");
        for (Endpoint endpoint : endpoints(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())) {
            invoices.request(endpoint.method(), member.token(), endpoint.path(), endpoint.body(), null)
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
            // A manager prepares invoices; finalizing, voiding and recording payments are the accountant's.
            invoices.request(endpoint.method(), manager.token(), endpoint.path(), endpoint.body(), null)
                    .expectStatus().value(status -> assertThat(status == 403).as(endpoint.toString())
                            .isEqualTo(endpoint.finalizesOrPays()));
        }
        Api.Session accountant = api.member(org, "accountant");
        UUID id = invoices.draft(org, invoices.client(org));
        invoices.action(accountant.token(), INVOICES + "/" + id + "/finalize", null, null).expectStatus().isOk();
        api.post(accountant.token(), INVOICES + "/" + id + "/payments", InvoiceApi.payment(1)).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void anotherOrganizationFindsNothing() {
        Api.Org org = api.signUp();
        UUID id = invoices.draft(org, invoices.client(org));
        long finalized = invoices.finalizeInvoice(org, id);
        long paid = invoices.pay(org, id, 10);
        Map<?, ?> invoice = invoices.read(org, id, paid);
        UUID lineId = UUID.fromString((String) ((Map<?, ?>) ((List<?>) invoice.get("lines")).get(0)).get("id"));
        UUID paymentId = UUID.fromString((String) ((Map<?, ?>) ((List<?>) invoice.get("payments")).get(0)).get("id"));
        assertThat(finalized).isEqualTo(1);
        Api.Org other = api.signUp();
        for (Endpoint endpoint : endpoints(id, lineId, paymentId)) {
            if (endpoint.path().equals(INVOICES)) {
                continue;
            }
            invoices.request(endpoint.method(), other.token(), endpoint.path(), endpoint.body(), null)
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("invoice.not_found");
        }
        api.get(other.token(), INVOICES + "/" + id + "?asOf=" + Instant.now()).exchange()
                .expectStatus().isNotFound();
        assertThat(ids(list(other, ""))).isEmpty();
        invoices.read(org, id, paid);
    }

    /**
     * The version is checked when the command's changes are about to be stored, so each endpoint is sent where it
     * would otherwise succeed: draft edits on a draft, voiding and paying on a finalized invoice.
     */
    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        UUID clientId = invoices.client(org);
        UUID draft = invoices.draft(org, clientId);
        String path = INVOICES + "/" + draft;
        api.patch(org.token(), path, Map.of("notes", "moved on"), "\"0\"").exchange().expectStatus().isOk();
        Map<?, ?> invoice = invoices.read(org, draft, 1);
        String lineId = (String) ((Map<?, ?>) ((List<?>) invoice.get("lines")).get(0)).get("id");
        UUID issued = invoices.draft(org, clientId);
        invoices.finalizeInvoice(org, issued);
        for (Endpoint endpoint : endpoints(draft, UUID.fromString(lineId), UUID.randomUUID())) {
            if (endpoint.reads() || endpoint.path().equals(INVOICES)) {
                continue;
            }
            String target = endpoint.path().endsWith("/void") || endpoint.path().endsWith("/payments")
                    ? endpoint.path().replace(draft.toString(), issued.toString()) : endpoint.path();
            invoices.request(endpoint.method(), org.token(), target, endpoint.body(), "\"0\"")
                    .expectStatus().isEqualTo(412)
                    .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        }
        invoices.request(HttpMethod.PATCH, org.token(), path, Map.of("notes", "x"), "seven")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.bad_if_match");
    }

    @Test
    void aReplayedIdempotencyKeyAnswersTheFirstResponse() {
        Api.Org org = api.signUp();
        Map<String, Object> body = InvoiceApi.draft(invoices.client(org), List.of(line("Consulting", 1, 100)));
        String key = "draft-" + UUID.randomUUID();
        var first = api.post(org.token(), INVOICES, body, key).exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult();
        var second = api.post(org.token(), INVOICES, body, key).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).returnResult();
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        String path = first.getResponseHeaders().getLocation().toString();
        String lineKey = "line-" + UUID.randomUUID();
        String firstLine = api.post(org.token(), path + "/lines", line("Hosting", 1, 10), lineKey).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        api.post(org.token(), path + "/lines", line("Hosting", 1, 10), lineKey).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(firstLine);
        Map<?, ?> invoice = api.get(org.token(), path + "?minVersion=1").exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) invoice.get("lines")).hasSize(2);
        assertThat(ids(list(org, ""))).hasSize(1);
    }

    private Map<?, ?> list(Api.Org org, String query) {
        return api.get(org.token(), INVOICES + query).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<String> ids(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("id")).toList();
    }
}
