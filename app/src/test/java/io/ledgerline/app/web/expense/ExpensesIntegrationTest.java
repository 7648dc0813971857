package io.ledgerline.app.web.expense;

import static io.ledgerline.app.web.expense.ExpenseApi.EXPENSES;
import static io.ledgerline.app.web.expense.ExpenseApi.expense;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ExpensesIntegrationTest extends IntegrationTest {

    private ExpenseApi expenses;

    @BeforeEach
    void expenses() {
        expenses = new ExpenseApi(api, web);
    }

    // recording and reading

    @Test
    void recordsAnExpenseAndReadsItAtItsVersion() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        Map<String, Object> body = expense(travel, "  Lufthansa ", 420.5);
        body.put("description", "Flight to the kick-off");
        var result = api.post(org.token(), EXPENSES, body).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody(Map.class).returnResult();
        String id = (String) result.getResponseBody().get("id");
        assertThat(result.getResponseHeaders().getLocation()).hasToString(EXPENSES + "/" + id);
        expenses.read(org.token(), UUID.fromString(id), 0)
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.memberId").isEqualTo(org.ownerId().toString())
                .jsonPath("$.recordedBy").isEqualTo(org.ownerId().toString())
                .jsonPath("$.date").isEqualTo("2026-05-04")
                .jsonPath("$.amount").isEqualTo(420.5)
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.merchant").isEqualTo("Lufthansa")
                .jsonPath("$.categoryId").isEqualTo(travel.toString())
                .jsonPath("$.categoryName").isEqualTo("Travel")
                .jsonPath("$.projectId").doesNotExist()
                .jsonPath("$.description").isEqualTo("Flight to the kick-off")
                .jsonPath("$.billable").isEqualTo(false)
                .jsonPath("$.reimbursable").isEqualTo(true)
                .jsonPath("$.status").isEqualTo("draft")
                .jsonPath("$.unlocked").isEqualTo(false)
                .jsonPath("$.receipt").doesNotExist()
                .jsonPath("$.source.type").isEqualTo("manual")
                .jsonPath("$.defaultsFrom").doesNotExist()
                .jsonPath("$.createdAt").isNotEmpty()
                .jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void aBillableExpenseOnAProjectRecordsItsClientInItsOwnCurrency() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID client = expenses.client(org.token());
        UUID project = expenses.project(org.token(), client, "Website");
        Map<String, Object> body = expense(travel, "JAL", 42000);
        body.put("currency", "JPY");
        body.put("projectId", project.toString());
        body.put("billable", true);
        body.put("reimbursable", false);
        UUID id = expenses.create(org.token(), body);
        expenses.read(org.token(), id, 0)
                .jsonPath("$.amount").isEqualTo(42000)
                .jsonPath("$.currency").isEqualTo("JPY")
                .jsonPath("$.projectId").isEqualTo(project.toString())
                .jsonPath("$.projectName").isEqualTo("Website")
                .jsonPath("$.clientId").isEqualTo(client.toString())
                .jsonPath("$.billable").isEqualTo(true)
                .jsonPath("$.reimbursable").isEqualTo(false);
    }

    @Test
    void invalidFieldsAreRejectedByName() {
        Api.Org org = api.signUp();
        api.post(org.token(), EXPENSES, Map.of("merchant", " ")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation.failed")
                .jsonPath("$.errors[?(@.field == 'date')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'amount')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'merchant')].code").isEqualTo("required");
        Map<String, Object> bad = expense(UUID.randomUUID(), "m".repeat(201), 0);
        bad.put("currency", "eur");
        bad.put("description", "d".repeat(2001));
        api.post(org.token(), EXPENSES, bad).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'amount')].code").isEqualTo("too_small")
                .jsonPath("$.errors[?(@.field == 'merchant')].code").isEqualTo("size")
                .jsonPath("$.errors[?(@.field == 'currency')].code").isEqualTo("pattern")
                .jsonPath("$.errors[?(@.field == 'description')].code").isEqualTo("size");
        Map<String, Object> digits = expense(UUID.randomUUID(), "Taxi", 1.23456);
        api.post(org.token(), EXPENSES, digits).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'amount')].code").isEqualTo("digits");
        Map<String, Object> unknownCurrency = expense(UUID.randomUUID(), "Taxi", 10);
        unknownCurrency.put("currency", "XYZ");
        api.post(org.token(), EXPENSES, unknownCurrency).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("invalid_currency");
        Map<String, Object> source = expense(UUID.randomUUID(), "Taxi", 10);
        source.put("source", Map.of("type", "carrier-pigeon"));
        api.post(org.token(), EXPENSES, source).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("source.type");
        api.postRaw(org.token(), EXPENSES, "{\"date\": \"2026-02-30\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        api.postRaw(org.token(), EXPENSES, "{\"colour\": \"red\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.unknown_field");
        api.postRaw(org.token(), EXPENSES, "{\"amount\": ").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.malformed_json");
    }

    @Test
    void businessRulesOnRecordingAreUnprocessable() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        expectRefused(org, expense(null, "Taxi", 10), 422, "expense.category_required");
        expectRefused(org, expense(UUID.randomUUID(), "Taxi", 10), 404, "expense_category.not_found");
        expectRefused(org, expense(expenses.category(other.token(), "Theirs"), "Taxi", 10), 404,
                "expense_category.not_found");
        Map<String, Object> billable = expense(travel, "Taxi", 10);
        billable.put("billable", true);
        expectRefused(org, billable, 422, "expense.billable_needs_project");
        Map<String, Object> yen = expense(travel, "Taxi", 100.5);
        yen.put("currency", "JPY");
        expectRefused(org, yen, 422, "expense.amount_precision");
        Map<String, Object> othersProject = expense(travel, "Taxi", 10);
        othersProject.put("projectId",
                expenses.project(other.token(), expenses.client(other.token()), "Theirs").toString());
        expectRefused(org, othersProject, 404, "project.not_found");
        Map<String, Object> stranger = expense(travel, "Taxi", 10);
        stranger.put("memberId", other.ownerId().toString());
        expectRefused(org, stranger, 404, "member.not_found");
    }

    @Test
    void anArchivedProjectTakesNoNewExpenses() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID project = expenses.project(org.token(), expenses.client(org.token()), "Done");
        api.post(org.token(), "/api/v1/projects/" + project + "/archive", Map.of()).exchange().expectStatus().isOk();
        Map<String, Object> body = expense(travel, "Taxi", 10);
        body.put("projectId", project.toString());
        expectRefused(org, body, 422, "project.archived");
    }

    @Test
    void aManagerRecordsForAMemberWhileAMemberRecordsOnlyTheirOwn() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        Api.Session member = api.member(org, "member");
        Api.Session colleague = api.member(org, "member");
        Api.Session manager = api.member(org, "manager");
        Map<String, Object> forColleague = expense(travel, "Taxi", 10);
        forColleague.put("memberId", colleague.memberId().toString());
        api.post(member.token(), EXPENSES, forColleague).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        UUID id = expenses.create(manager.token(), forColleague);
        expenses.read(colleague.token(), id, 0)
                .jsonPath("$.memberId").isEqualTo(colleague.memberId().toString())
                .jsonPath("$.recordedBy").isEqualTo(manager.memberId().toString());
    }

    @Test
    void anImportIsNeverRecordedTwice() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        Map<String, Object> imported = expense(travel, "Uber", 18.4);
        imported.put("source", Map.of("type", "external", "provider", "Ramp", "externalId", "tx-81"));
        UUID id = expenses.create(org.token(), imported);
        expenses.read(org.token(), id, 0)
                .jsonPath("$.source.type").isEqualTo("external")
                .jsonPath("$.source.provider").isEqualTo("ramp")
                .jsonPath("$.source.externalId").isEqualTo("tx-81")
                .jsonPath("$.reimbursable").isEqualTo(false);
        expectRefused(org, imported, 409, "expense.external_id_taken");
        api.delete(org.token(), EXPENSES + "/" + id).exchange().expectStatus().isOk();
        expectRefused(org, imported, 409, "expense.external_id_taken");
        Map<String, Object> incomplete = expense(travel, "Uber", 18.4);
        incomplete.put("source", Map.of("type", "external", "provider", "ramp"));
        expectRefused(org, incomplete, 422, "expense.source_invalid");
    }

    @Test
    void ofConcurrentImportsOfOneTransactionExactlyOneIsRecorded() throws Exception {
        Api.Org org = api.signUp();
        Map<String, Object> imported = expense(expenses.category(org.token(), "Travel"), "Uber", 18.4);
        imported.put("source", Map.of("type", "external", "provider", "ramp", "externalId", "tx-race"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> imports = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                imports.add(() -> {
                    var result = api.post(org.token(), EXPENSES, imported).exchange().returnResult(String.class);
                    return result.getStatus().value() + " " + result.getResponseBody().blockFirst();
                });
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> answer : pool.invokeAll(imports)) {
                answers.add(answer.get());
            }
            assertThat(answers).filteredOn(answer -> answer.startsWith("201")).hasSize(1);
            assertThat(answers).filteredOn(answer -> answer.startsWith("409")
                    && answer.contains("expense.external_id_taken")).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
    }

    // changing and deleting

    @Test
    void aPatchChangesOnlyWhatItNamesAndNullClears() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID meals = expenses.category(org.token(), "Meals");
        UUID project = expenses.project(org.token(), expenses.client(org.token()), "Website");
        Map<String, Object> body = expense(travel, "Lufthansa", 420.5);
        body.put("projectId", project.toString());
        body.put("description", "Flight");
        UUID id = expenses.create(org.token(), body);
        patchRaw(org.token(), id, "{\"amount\": 399, \"categoryId\": \"" + meals
                + "\", \"projectId\": null, \"description\": null}", "\"0\"")
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.version").isEqualTo(1);
        expenses.read(org.token(), id, 1)
                .jsonPath("$.amount").isEqualTo(399.0)
                .jsonPath("$.categoryName").isEqualTo("Meals")
                .jsonPath("$.merchant").isEqualTo("Lufthansa")
                .jsonPath("$.date").isEqualTo("2026-05-04")
                .jsonPath("$.projectId").doesNotExist()
                .jsonPath("$.clientId").doesNotExist()
                .jsonPath("$.description").doesNotExist();
        api.patch(org.token(), EXPENSES + "/" + id, Map.of("amount", 399.00)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void invalidPatchesAreRejected() {
        Api.Org org = api.signUp();
        UUID id = expenses.create(org.token(), expense(expenses.category(org.token(), "Travel"), "Taxi", 10));
        api.patchRaw(org.token(), EXPENSES + "/" + id, "{\"amount\": null, \"categoryId\": null}").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'amount')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'categoryId')].code").isEqualTo("required");
        api.patch(org.token(), EXPENSES + "/" + id, Map.of()).exchange()
                .expectStatus().isBadRequest();
        api.patch(org.token(), EXPENSES + "/" + id, Map.of("amount", -1, "merchant", "")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'amount')].code").isEqualTo("too_small")
                .jsonPath("$.errors[?(@.field == 'merchant')].code").isEqualTo("size");
        api.patch(org.token(), EXPENSES + "/" + id, Map.of("memberId", UUID.randomUUID().toString())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.unknown_field");
        api.patch(org.token(), EXPENSES + "/" + id, Map.of("billable", true)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("expense.billable_needs_project");
        api.patch(org.token(), EXPENSES + "/" + id, Map.of("amount", 5), "5").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.bad_if_match");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        UUID id = expenses.create(org.token(), expense(expenses.category(org.token(), "Travel"), "Taxi", 10));
        api.patch(org.token(), EXPENSES + "/" + id, Map.of("amount", 11), "\"0\"").exchange()
                .expectStatus().isOk();
        api.patch(org.token(), EXPENSES + "/" + id, Map.of("amount", 12), "\"0\"").exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        expenses.action(org.token(), id, "submit", Map.of(), "\"0\"").expectStatus().isEqualTo(412);
        api.delete(org.token(), EXPENSES + "/" + id, "\"0\"").exchange().expectStatus().isEqualTo(412);
        api.delete(org.token(), EXPENSES + "/" + id, "\"1\"").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        api.get(org.token(), EXPENSES + "/" + id).exchange().expectStatus().isNotFound();
    }

    // lists

    @Test
    void listsFilterAndPageNewestFirst() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID meals = expenses.category(org.token(), "Meals");
        UUID client = expenses.client(org.token());
        UUID project = expenses.project(org.token(), client, "Website");
        Api.Session member = api.member(org, "member");
        UUID march = expenses.create(org.token(), dated(expense(travel, "Rail", 30), "2026-03-10"));
        Map<String, Object> billable = dated(expense(meals, "Bistro", 55), "2026-04-01");
        billable.put("projectId", project.toString());
        billable.put("billable", true);
        UUID april = expenses.create(org.token(), billable);
        UUID may = expenses.create(member.token(), dated(expense(travel, "Taxi", 12), "2026-05-02"));
        UUID mayToo = expenses.create(org.token(), dated(expense(meals, "Cafe", 4), "2026-05-02"));
        expenses.action(member.token(), may, "submit", Map.of()).expectStatus().isOk();
        for (UUID id : List.of(march, april, mayToo)) {
            expenses.read(org.token(), id, 0);
        }
        expenses.read(org.token(), may, 1);

        List<String> newestFirst = merchants(org, "");
        assertThat(newestFirst).hasSize(4);
        assertThat(newestFirst.subList(0, 2)).containsExactlyInAnyOrder("Taxi", "Cafe");
        assertThat(newestFirst.subList(2, 4)).containsExactly("Bistro", "Rail");
        assertThat(merchants(org, "?from=2026-04-01&to=2026-04-30")).containsExactly("Bistro");
        assertThat(merchants(org, "?memberId=" + member.memberId())).containsExactly("Taxi");
        assertThat(merchants(org, "?projectId=" + project)).containsExactly("Bistro");
        assertThat(merchants(org, "?clientId=" + client)).containsExactly("Bistro");
        assertThat(merchants(org, "?categoryId=" + travel)).containsExactlyInAnyOrder("Taxi", "Rail");
        assertThat(merchants(org, "?status=submitted")).containsExactly("Taxi");
        assertThat(merchants(org, "?status=DRAFT")).containsExactlyInAnyOrder("Cafe", "Bistro", "Rail");
        assertThat(merchants(org, "?billable=true")).containsExactly("Bistro");
        assertThat(merchants(org, "?reimbursable=false")).isEmpty();

        Map<?, ?> first = api.get(org.token(), EXPENSES + "?limit=3").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(3);
        api.get(org.token(), EXPENSES + "?limit=3&cursor=" + first.get("nextCursor")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].merchant").isEqualTo("Rail")
                .jsonPath("$.nextCursor").doesNotExist();
    }

    @Test
    void badListParametersAreRejectedByName() {
        Api.Org org = api.signUp();
        expectBadParameter(org, "?status=paid", "status");
        expectBadParameter(org, "?from=yesterday", "from");
        expectBadParameter(org, "?from=2026-05-02&to=2026-05-01", "to");
        expectBadParameter(org, "?memberId=me", "memberId");
        expectBadParameter(org, "?billable=maybe", "billable");
        expectBadParameter(org, "?limit=501", "limit");
        expectBadParameter(org, "?cursor=nonsense", "cursor");
        expectBadParameter(org, "?colour=red", "colour");
        api.get(org.token(), EXPENSES + "/" + UUID.randomUUID() + "?minVersion=x").exchange()
                .expectStatus().isBadRequest();
    }

    // access

    @Test
    void aMemberSeesAndHandlesOnlyTheirOwnExpenses() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        Api.Session member = api.member(org, "member");
        Api.Session colleague = api.member(org, "member");
        Api.Session accountant = api.member(org, "accountant");
        UUID mine = expenses.create(member.token(), expense(travel, "Taxi", 10));
        UUID theirs = expenses.create(colleague.token(), expense(travel, "Rail", 20));
        expenses.read(member.token(), mine, 0);
        expenses.read(colleague.token(), theirs, 0);

        assertThat(merchants(member.token(), "")).containsExactly("Taxi");
        assertThat(merchants(member.token(), "?memberId=" + colleague.memberId())).isEmpty();
        api.get(member.token(), EXPENSES + "/" + theirs).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("expense.not_found");
        api.patch(member.token(), EXPENSES + "/" + theirs, Map.of("amount", 1)).exchange()
                .expectStatus().isNotFound();
        expenses.action(member.token(), theirs, "submit", Map.of()).expectStatus().isNotFound();
        api.delete(member.token(), EXPENSES + "/" + theirs).exchange().expectStatus().isNotFound();

        assertThat(merchants(accountant.token(), "")).containsExactlyInAnyOrder("Taxi", "Rail");
        api.get(accountant.token(), EXPENSES + "/" + theirs).exchange().expectStatus().isOk();
        api.post(accountant.token(), EXPENSES, expense(travel, "Taxi", 10)).exchange()
                .expectStatus().isForbidden();
        api.patch(accountant.token(), EXPENSES + "/" + theirs, Map.of("amount", 1)).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void withoutATokenNothingIsReadOrChanged() {
        String path = EXPENSES + "/" + UUID.randomUUID();
        api.get(null, EXPENSES).exchange().expectStatus().isUnauthorized();
        api.get(null, path).exchange().expectStatus().isUnauthorized();
        api.post(null, EXPENSES, expense(UUID.randomUUID(), "Taxi", 10)).exchange().expectStatus().isUnauthorized();
        api.patch(null, path, Map.of("amount", 1)).exchange().expectStatus().isUnauthorized();
        api.delete(null, path).exchange().expectStatus().isUnauthorized();
        for (String action : List.of("submit", "approve", "reject", "unlock")) {
            api.post(null, path + "/" + action, Map.of("reason", "x")).exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    void decisionsAndUnlocksNeedTheirPermissions() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        Api.Session member = api.member(org, "member");
        Api.Session manager = api.member(org, "manager");
        UUID id = expenses.create(member.token(), expense(travel, "Taxi", 10));
        expenses.action(member.token(), id, "submit", Map.of()).expectStatus().isOk();
        for (String action : List.of("approve", "reject", "unlock")) {
            expenses.action(member.token(), id, action, Map.of("reason", "x")).expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        }
        expenses.action(manager.token(), id, "unlock", Map.of("reason", "x")).expectStatus().isForbidden();
    }

    @Test
    void anotherOrganizationsExpenseIsNotFound() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID id = expenses.create(org.token(), expense(expenses.category(org.token(), "Travel"), "Taxi", 10));
        expenses.action(org.token(), id, "submit", Map.of()).expectStatus().isOk();
        expenses.read(org.token(), id, 1);
        String path = EXPENSES + "/" + id;
        api.get(other.token(), path).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("expense.not_found");
        api.patch(other.token(), path, Map.of("amount", 1)).exchange().expectStatus().isNotFound();
        api.delete(other.token(), path).exchange().expectStatus().isNotFound();
        for (String action : List.of("submit", "approve", "reject", "unlock")) {
            expenses.action(other.token(), id, action, Map.of("reason", "x")).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("expense.not_found");
        }
        api.get(other.token(), EXPENSES).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items").isEmpty();
    }

    // idempotency

    @Test
    void aRepeatedRecordingOrActionReplaysTheFirstAnswer() {
        Api.Org org = api.signUp();
        Map<String, Object> body = expense(expenses.category(org.token(), "Travel"), "Taxi", 10);
        String key = "expense-" + UUID.randomUUID();
        var first = api.post(org.token(), EXPENSES, body, key).exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult();
        var second = api.post(org.token(), EXPENSES, body, key).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).returnResult();
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        body.put("merchant", "Another");
        api.post(org.token(), EXPENSES, body, key).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");

        UUID id = UUID.fromString(first.getResponseHeaders().getLocation().getPath().substring(EXPENSES.length() + 1));
        String submitKey = "submit-" + UUID.randomUUID();
        String answer = api.post(org.token(), EXPENSES + "/" + id + "/submit", Map.of(), submitKey).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        api.post(org.token(), EXPENSES + "/" + id + "/submit", Map.of(), submitKey).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(answer);
        expenses.read(org.token(), id, 1);
        assertThat(merchants(org, "")).containsExactly("Taxi");
    }

    private void expectRefused(Api.Org org, Map<String, Object> body, int status, String code) {
        api.post(org.token(), EXPENSES, body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    private static Map<String, Object> dated(Map<String, Object> body, String date) {
        body.put("date", date);
        return body;
    }

    private WebTestClient.ResponseSpec patchRaw(String token, UUID id, String json, String ifMatch) {
        return web.patch().uri(EXPENSES + "/" + id)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    headers.set(HttpHeaders.IF_MATCH, ifMatch);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private void expectBadParameter(Api.Org org, String query, String field) {
        api.expectBadParameter(org.token(), EXPENSES + query, field);
    }

    private List<String> merchants(Api.Org org, String query) {
        return merchants(org.token(), query);
    }

    private List<String> merchants(String token, String query) {
        Map<?, ?> page = api.get(token, EXPENSES + query).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("merchant")).toList();
    }
}
