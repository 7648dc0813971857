package io.ledgerline.app.web.invoice;

import static io.ledgerline.app.web.invoice.InvoiceApi.INVOICES;
import static io.ledgerline.app.web.invoice.Work.WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Drafts made from approved time and expenses, and what finalizing and voiding do to that work. */
class InvoiceFromWorkIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private InvoiceApi invoices;
    private Work work;

    @BeforeEach
    void setUp() {
        invoices = new InvoiceApi(api, web);
        work = new Work(api, web);
    }

    /**
     * An organization whose member logged 230 minutes from Monday to Thursday of {@link Work#WEEK}, and spent
     * 42.50 EUR and 10 USD on Friday.
     */
    private record Booked(Api.Org org, Api.Session member, UUID clientId, Work.Project project, List<UUID> entries,
                          UUID euros, UUID dollars) {
    }

    private Booked booked() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        UUID clientId = invoices.client(org);
        Work.Project project = work.project(org, clientId, "hourly");
        List<UUID> entries = List.of(
                work.log(member, project, project.taskId(), 0, 90),
                work.log(member, project, project.taskId(), 1, 30),
                work.log(member, project, null, 2, 60),
                work.log(member, project, project.taskId(), 3, 50));
        work.approveWeek(org, member);
        UUID euros = work.approvedExpense(org, member, project, "42.50", "EUR");
        UUID dollars = work.approvedExpense(org, member, project, "10.00", "USD");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(count(org, "/api/v1/time-entries?status=approved&clientId=" + clientId)).isEqualTo(4);
            assertThat(count(org, "/api/v1/expenses?status=approved&clientId=" + clientId)).isEqualTo(2);
        });
        return new Booked(org, member, clientId, project, entries, euros, dollars);
    }

    private static Map<String, Object> period(UUID clientId, String grouping) {
        Map<String, Object> body = InvoiceApi.draft(clientId, List.of());
        body.put("periodStart", WEEK.toString());
        body.put("periodEnd", WEEK.plusDays(6).toString());
        body.put("grouping", grouping);
        return body;
    }

    @Test
    void aDraftBillsTheClientsApprovedWorkGroupedAsAsked() {
        Booked booked = booked();
        UUID byTask = invoices.create(booked.org().token(), period(booked.clientId(), "by_task"));
        api.get(booked.org().token(), INVOICES + "/" + byTask + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.periodStart").isEqualTo(WEEK.toString())
                .jsonPath("$.grouping").isEqualTo("by_task")
                .jsonPath("$.lines.length()").isEqualTo(3)
                .jsonPath("$.lines[0].kind").isEqualTo("time")
                .jsonPath("$.lines[0].description").isEqualTo(booked.project().name() + " — Design")
                .jsonPath("$.lines[0].quantity").isEqualTo(2.8333)
                .jsonPath("$.lines[0].unitPrice").isEqualTo(120)
                .jsonPath("$.lines[0].amount").isEqualTo(340.0)
                .jsonPath("$.lines[0].timeEntryIds").isEqualTo(List.of(booked.entries().get(0).toString(),
                        booked.entries().get(1).toString(), booked.entries().get(3).toString()))
                .jsonPath("$.lines[1].description").isEqualTo(booked.project().name())
                .jsonPath("$.lines[1].quantity").isEqualTo(1.0)
                .jsonPath("$.lines[1].amount").isEqualTo(120.0)
                .jsonPath("$.lines[2].kind").isEqualTo("expense")
                .jsonPath("$.lines[2].description").value(description -> assertThat((String) description)
                        .startsWith(WEEK.plusDays(4) + " · Deutsche Bahn (Travel ")
                        .endsWith("): Train to Hamburg"))
                .jsonPath("$.lines[2].amount").isEqualTo(42.5)
                .jsonPath("$.lines[2].expenseIds").isEqualTo(List.of(booked.euros().toString()))
                .jsonPath("$.subtotal").isEqualTo(502.5)
                .jsonPath("$.tax").isEqualTo(95.48)
                .jsonPath("$.total").isEqualTo(597.98);

        Map<String, Object> perEntry = period(booked.clientId(), "per_entry");
        perEntry.put("lines", List.of(InvoiceApi.line("Hosting", 1, 10)));
        Map<?, ?> entries = invoices.read(booked.org(), invoices.create(booked.org().token(), perEntry), 0);
        assertThat((List<?>) entries.get("lines")).hasSize(6);
        assertThat(line(entries, 0).get("description")).isEqualTo(WEEK + " · A member · "
                + booked.project().name() + " — Design: Design review");
        assertThat(line(entries, 5).get("kind")).isEqualTo("manual");
        assertThat(entries.get("total")).isEqualTo(609.88);

        Map<?, ?> byMember = invoices.read(booked.org(),
                invoices.create(booked.org().token(), period(booked.clientId(), "by_member")), 0);
        assertThat((List<?>) byMember.get("lines")).hasSize(2);
        assertThat(line(byMember, 0).get("description")).isEqualTo(booked.project().name() + " — A member");
        assertThat(line(byMember, 0).get("quantity")).isEqualTo(3.8333);
    }

    @Test
    void onlyExpensesInTheInvoicesCurrencyAreBilledAndTimeOnlyInTheOrganizations() {
        Booked booked = booked();
        Map<String, Object> dollars = period(booked.clientId(), "by_task");
        dollars.put("currency", "USD");
        api.post(booked.org().token(), INVOICES, dollars).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("invoice.time_in_other_currency");
        UUID otherProject = work.project(booked.org(), booked.clientId(), "hourly").projectId();
        dollars.put("projectIds", List.of(otherProject.toString()));
        Map<?, ?> none = invoices.read(booked.org(), invoices.create(booked.org().token(), dollars), 0);
        assertThat((List<?>) none.get("lines")).isEmpty();
        dollars.put("projectIds", List.of(booked.project().projectId().toString()));
        dollars.put("periodStart", WEEK.plusDays(4).toString());
        dollars.put("periodEnd", WEEK.plusDays(4).toString());
        Map<?, ?> expenses = invoices.read(booked.org(), invoices.create(booked.org().token(), dollars), 0);
        assertThat((List<?>) expenses.get("lines")).hasSize(1);
        assertThat(line(expenses, 0).get("expenseIds")).isEqualTo(List.of(booked.dollars().toString()));
        assertThat(expenses.get("currency")).isEqualTo("USD");
    }

    @Test
    void timeWithoutAnHourlyRateIsNotBilledAtNothing() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        UUID clientId = invoices.client(org);
        Work.Project fixedFee = work.project(org, clientId, "fixed_fee");
        UUID entry = work.log(member, fixedFee, fixedFee.taskId(), 0, 60);
        work.approveWeek(org, member);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(count(org, "/api/v1/time-entries?status=approved&clientId=" + clientId)).isEqualTo(1));
        api.post(org.token(), INVOICES, period(clientId, "by_task")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.code").isEqualTo("invoice.rate_missing")
                .jsonPath("$.errors[0].field").isEqualTo("timeEntryIds")
                .jsonPath("$.errors[0].code").isEqualTo("rate_missing")
                .jsonPath("$.errors[0].message").isEqualTo(entry.toString());
    }

    @Test
    void finalizingLocksTheWorkAndVoidingReleasesIt() {
        Booked booked = booked();
        Api.Org org = booked.org();
        UUID first = invoices.create(org.token(), period(booked.clientId(), "by_task"));
        UUID second = invoices.create(org.token(), period(booked.clientId(), "per_entry"));
        invoices.finalizeInvoice(org, first);
        // Sent at once: the second invoice loses either to the registry of billed work or to the ledger.
        invoices.action(org.token(), INVOICES + "/" + second + "/finalize", null, null)
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").value(code -> assertThat(code)
                        .isIn("invoice.work_already_invoiced", "invoice.work_changed"));
        UUID entry = booked.entries().get(0);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.get(org.token(), "/api/v1/time-entries/" + entry)
                .exchange().expectBody(Map.class).returnResult().getResponseBody().get("status"))
                .isEqualTo("invoiced"));
        invoices.action(org.token(), INVOICES + "/" + second + "/finalize", null, null)
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("invoice.work_changed")
                .jsonPath("$.errors[0].code").isEqualTo("not_billable");
        UUID manual = invoices.draft(org, booked.clientId());
        invoices.finalizeInvoice(org, manual);
        assertThat(invoices.read(org, manual, 1).get("number")).isEqualTo("INV-000002");

        api.post(org.token(), INVOICES + "/" + first + "/void", Map.of("reason", "Wrong week")).exchange()
                .expectStatus().isOk();
        // The ledger and the expense list are released by two processors, each in its own time.
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(count(org, "/api/v1/time-entries?status=approved&clientId=" + booked.clientId())).isEqualTo(4);
            assertThat(count(org, "/api/v1/expenses?status=approved&clientId=" + booked.clientId())).isEqualTo(2);
        });
        UUID again = invoices.create(org.token(), period(booked.clientId(), "by_task"));
        assertThat((List<?>) invoices.read(org, again, 0).get("lines")).hasSize(3);
        invoices.finalizeInvoice(org, again);
        assertThat(invoices.read(org, again, 1).get("number")).isEqualTo("INV-000003");
    }

    @Test
    void workChangedSinceTheDraftIsNotFinalizedAsItWas() {
        Booked booked = booked();
        Api.Org org = booked.org();
        UUID draft = invoices.create(org.token(), period(booked.clientId(), "per_entry"));
        Map<?, ?> read = invoices.read(org, draft, 0);
        UUID entry = booked.entries().get(1);
        work.post(org.token(), "/api/v1/time-entries/" + entry + "/unlock", Map.of("reason", "Booked too little"))
                .expectStatus().isOk();
        api.patch(org.token(), "/api/v1/time-entries/" + entry, Map.of("minutes", 45)).exchange()
                .expectStatus().isOk();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.get(org.token(), "/api/v1/time-entries/" + entry)
                .exchange().expectBody(Map.class).returnResult().getResponseBody().get("minutes")).isEqualTo(45));
        invoices.action(org.token(), INVOICES + "/" + draft + "/finalize", null, null)
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("invoice.work_changed")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("timeEntryIds")
                .jsonPath("$.errors[0].code").isEqualTo("changed")
                .jsonPath("$.errors[0].message").isEqualTo(entry.toString());
        String changedLine = (String) line(read, 1).get("id");
        invoices.request(HttpMethod.DELETE, org.token(),
                        INVOICES + "/" + draft + "/lines/" + changedLine, null, null)
                .expectStatus().isOk();
        invoices.finalizeInvoice(org, draft);
        assertThat(invoices.read(org, draft, 2).get("status")).isEqualTo("unpaid");
    }

    private long count(Api.Org org, String path) {
        return ((List<?>) api.get(org.token(), path).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items")).size();
    }

    private static Map<?, ?> line(Map<?, ?> invoice, int index) {
        return (Map<?, ?>) ((List<?>) invoice.get("lines")).get(index);
    }
}
