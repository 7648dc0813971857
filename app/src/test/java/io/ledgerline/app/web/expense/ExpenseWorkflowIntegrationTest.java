package io.ledgerline.app.web.expense;

import static io.ledgerline.app.web.expense.ExpenseApi.EXPENSES;
import static io.ledgerline.app.web.expense.ExpenseApi.expense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.domain.invoice.InvoiceFinalized;
import io.ledgerline.domain.invoice.InvoiceVoided;
import io.ledgerline.projections.invoice.BillableExpense;
import io.ledgerline.projections.invoice.UnbilledWork;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ExpenseWorkflowIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    private EventGateway events;

    @Autowired
    private UnbilledWork.Expenses unbilled;

    @Autowired
    private JdbcTemplate jdbc;

    private ExpenseApi expenses;

    @BeforeEach
    void expenses() {
        expenses = new ExpenseApi(api, web);
    }

    @Test
    void anExpenseIsSubmittedApprovedAndThenLocked() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        Api.Session manager = api.member(org, "manager");
        UUID id = expenses.create(member.token(), expense(expenses.category(org.token(), "Travel"), "Taxi", 10));
        expenses.action(member.token(), id, "submit", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        expenses.read(member.token(), id, 1)
                .jsonPath("$.status").isEqualTo("submitted")
                .jsonPath("$.submittedBy").isEqualTo(member.memberId().toString())
                .jsonPath("$.submittedAt").isNotEmpty();
        api.patch(member.token(), EXPENSES + "/" + id, Map.of("amount", 11)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("expense.submitted");
        expenses.action(member.token(), id, "submit", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);

        expenses.action(manager.token(), id, "approve", Map.of(), "\"1\"").expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        expenses.read(member.token(), id, 2)
                .jsonPath("$.status").isEqualTo("approved")
                .jsonPath("$.decidedBy").isEqualTo(manager.memberId().toString())
                .jsonPath("$.decidedAt").isNotEmpty();
        api.patch(member.token(), EXPENSES + "/" + id, Map.of("amount", 11)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("expense.approved");
        api.delete(member.token(), EXPENSES + "/" + id).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("expense.approved");
        expenses.action(manager.token(), id, "reject", Map.of("reason", "Too late")).expectStatus().isEqualTo(409);
    }

    @Test
    void aRejectedExpenseIsFixedAndSubmittedAgain() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        Api.Session manager = api.member(org, "manager");
        UUID id = expenses.create(member.token(), expense(expenses.category(org.token(), "Travel"), "Taxi", 10));
        expenses.action(manager.token(), id, "approve", Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("expense.not_submitted");
        expenses.action(member.token(), id, "submit", Map.of()).expectStatus().isOk();
        expenses.action(manager.token(), id, "reject", Map.of("reason", " ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        expenses.action(manager.token(), id, "reject", Map.of("reason", "No receipt")).expectStatus().isOk();
        expenses.read(member.token(), id, 2)
                .jsonPath("$.status").isEqualTo("rejected")
                .jsonPath("$.rejectionReason").isEqualTo("No receipt")
                .jsonPath("$.decidedBy").isEqualTo(manager.memberId().toString());
        api.patch(member.token(), EXPENSES + "/" + id, Map.of("amount", 12)).exchange().expectStatus().isOk();
        expenses.action(member.token(), id, "submit", Map.of()).expectStatus().isOk();
        expenses.read(member.token(), id, 4)
                .jsonPath("$.status").isEqualTo("submitted")
                .jsonPath("$.amount").isEqualTo(12.0)
                .jsonPath("$.rejectionReason").doesNotExist()
                .jsonPath("$.decidedBy").doesNotExist();
    }

    @Test
    void onlyOwnersAndAdminsDecideOnTheirOwnExpenses() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        Api.Session manager = api.member(org, "manager");
        UUID managers = expenses.create(manager.token(), expense(travel, "Taxi", 10));
        expenses.action(manager.token(), managers, "submit", Map.of()).expectStatus().isOk();
        expenses.action(manager.token(), managers, "approve", Map.of()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("expense.own_approval");
        expenses.action(org.token(), managers, "approve", Map.of()).expectStatus().isOk();

        UUID owners = expenses.create(org.token(), expense(travel, "Rail", 20));
        expenses.submitAndApprove(org.token(), org.token(), owners);
        expenses.read(org.token(), owners, 2).jsonPath("$.status").isEqualTo("approved");
    }

    @Test
    void anAdminsUnlockLetsOneChangeThroughAndIsKeptInTheHistory() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        Api.Session admin = api.member(org, "admin");
        UUID id = expenses.create(member.token(), expense(expenses.category(org.token(), "Travel"), "Taxi", 10));
        expenses.action(admin.token(), id, "unlock", Map.of("reason", "Nothing to unlock")).expectStatus()
                .isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("expense.not_locked");
        expenses.submitAndApprove(member.token(), org.token(), id);
        expenses.action(admin.token(), id, "unlock", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        expenses.action(admin.token(), id, "unlock", Map.of("reason", "Wrong amount"), "\"1\"")
                .expectStatus().isEqualTo(412);
        expenses.action(admin.token(), id, "unlock", Map.of("reason", "Wrong amount"), "\"2\"")
                .expectStatus().isOk();
        expenses.read(member.token(), id, 3)
                .jsonPath("$.unlocked").isEqualTo(true)
                .jsonPath("$.status").isEqualTo("approved");
        api.patch(member.token(), EXPENSES + "/" + id, Map.of("amount", 9.5)).exchange().expectStatus().isOk();
        expenses.read(member.token(), id, 4)
                .jsonPath("$.unlocked").isEqualTo(false)
                .jsonPath("$.status").isEqualTo("approved")
                .jsonPath("$.amount").isEqualTo(9.5);
        api.patch(member.token(), EXPENSES + "/" + id, Map.of("amount", 9)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("expense.approved");

        Map<String, Object> unlock = jdbc.queryForMap("""
                        SELECT convert_from(payload, 'UTF8') AS payload, convert_from(metadata, 'UTF8') AS metadata
                        FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 3""",
                id.toString());
        assertThat((String) unlock.get("payload"))
                .contains("\"reason\":\"Wrong amount\"", "\"lockedBy\":\"APPROVED\"",
                        "\"unlockedBy\":\"" + admin.memberId() + "\"");
        assertThat((String) unlock.get("metadata")).contains(admin.memberId().toString());
        api.get(org.token(), "/api/v1/audit/expenses/" + id + "/events").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[3].type").isEqualTo("ExpenseUnlocked")
                .jsonPath("$.items[3].actor").isEqualTo(admin.memberId().toString())
                .jsonPath("$.items[3].payload.reason").isEqualTo("Wrong amount");
    }

    @Test
    void anInvoicedExpenseIsLockedUntilTheInvoiceIsVoided() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID client = expenses.client(org.token());
        UUID project = expenses.project(org.token(), client, "Website");
        Map<String, Object> body = expense(travel, "Lufthansa", 420.5);
        body.put("projectId", project.toString());
        body.put("billable", true);
        UUID id = expenses.create(org.token(), body);
        expenses.submitAndApprove(org.token(), org.token(), id);
        expenses.read(org.token(), id, 2);
        UUID invoice = UUID.randomUUID();
        events.publish(new InvoiceFinalized(org.orgId(), invoice, client, "INV-000001", LocalDate.of(2026, 5, 31),
                LocalDate.of(2026, 6, 30), List.of(), List.of(id)));
        await().atMost(PATIENCE).untilAsserted(() -> expenses.read(org.token(), id, 2)
                .jsonPath("$.status").isEqualTo("invoiced")
                .jsonPath("$.invoiceId").isEqualTo(invoice.toString()));
        api.get(org.token(), EXPENSES + "?status=invoiced").exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(id.toString());
        api.get(org.token(), EXPENSES + "?status=approved").exchange()
                .expectBody().jsonPath("$.items").isEmpty();
        api.patch(org.token(), EXPENSES + "/" + id, Map.of("amount", 400)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("expense.invoiced");
        expenses.action(org.token(), id, "unlock", Map.of("reason", "Refund of the fee")).expectStatus().isOk();
        api.delete(org.token(), EXPENSES + "/" + id).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("expense.invoiced");
        api.patch(org.token(), EXPENSES + "/" + id, Map.of("amount", 400)).exchange().expectStatus().isOk();

        events.publish(new InvoiceVoided(org.orgId(), invoice, client, "INV-000001", "Wrong client", List.of(),
                List.of(id)));
        await().atMost(PATIENCE).untilAsserted(() -> expenses.read(org.token(), id, 4)
                .jsonPath("$.status").isEqualTo("approved")
                .jsonPath("$.invoiceId").doesNotExist());
    }

    @Test
    void unbilledExpensesAreTheApprovedBillableOnesOfTheClientNotYetInvoiced() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID client = expenses.client(org.token());
        UUID website = expenses.project(org.token(), client, "Website");
        UUID app = expenses.project(org.token(), client, "App");
        UUID otherClient = expenses.client(org.token());
        UUID elsewhere = expenses.project(org.token(), otherClient, "Elsewhere");
        UUID flight = approved(org, billable(travel, website, "Lufthansa", "2026-05-04"));
        UUID hotel = approved(org, billable(travel, app, "Hotel", "2026-05-02"));
        UUID invoiced = approved(org, billable(travel, website, "Taxi", "2026-05-05"));
        approved(org, billable(travel, elsewhere, "Rail", "2026-05-04"));
        approved(org, billable(travel, website, "June", "2026-06-01"));
        Map<String, Object> notBillable = billable(travel, website, "Internal", "2026-05-04");
        notBillable.put("billable", false);
        approved(org, notBillable);
        UUID draft = expenses.create(org.token(), billable(travel, website, "Draft", "2026-05-04"));
        expenses.read(org.token(), draft, 0);
        events.publish(new InvoiceFinalized(org.orgId(), UUID.randomUUID(), client, "INV-000001",
                LocalDate.of(2026, 5, 31), LocalDate.of(2026, 6, 30), List.of(), List.of(invoiced)));
        await().atMost(PATIENCE).untilAsserted(() -> expenses.read(org.token(), invoiced, 2)
                .jsonPath("$.status").isEqualTo("invoiced"));

        UnbilledWork.Scope may = new UnbilledWork.Scope(org.orgId(), client, null, LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 31));
        List<BillableExpense> all = unbilled.unbilledExpenses(may).collectList().block(PATIENCE);
        assertThat(all).extracting(BillableExpense::expenseId).containsExactly(hotel, flight);
        BillableExpense first = all.get(1);
        assertThat(first.projectName()).isEqualTo("Website");
        assertThat(first.category()).isEqualTo("Travel");
        assertThat(first.amount()).isEqualByComparingTo(new BigDecimal("420.50"));
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.merchant()).isEqualTo("Lufthansa");
        assertThat(first.memberId()).isEqualTo(org.ownerId());
        assertThat(unbilled.unbilledExpenses(new UnbilledWork.Scope(org.orgId(), client, Set.of(website),
                        LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31))).collectList().block(PATIENCE))
                .extracting(BillableExpense::expenseId).containsExactly(flight);
        assertThat(unbilled.unbilledExpenses(new UnbilledWork.Scope(UUID.randomUUID(), client, null,
                        LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31))).collectList().block(PATIENCE))
                .isEmpty();
    }

    private static Map<String, Object> billable(UUID categoryId, UUID projectId, String merchant, String date) {
        Map<String, Object> body = expense(categoryId, merchant, 420.5);
        body.put("projectId", projectId.toString());
        body.put("billable", true);
        body.put("date", date);
        return body;
    }

    private UUID approved(Api.Org org, Map<String, Object> body) {
        UUID id = expenses.create(org.token(), body);
        expenses.submitAndApprove(org.token(), org.token(), id);
        expenses.read(org.token(), id, 2);
        return id;
    }
}
