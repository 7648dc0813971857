package io.ledgerline.app.web.expense;

import static io.ledgerline.app.web.expense.ExpenseApi.CATEGORIES;
import static io.ledgerline.app.web.expense.ExpenseApi.EXPENSES;
import static io.ledgerline.app.web.expense.ExpenseApi.expense;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class ExpenseCategoriesIntegrationTest extends IntegrationTest {

    private ExpenseApi expenses;

    @BeforeEach
    void expenses() {
        expenses = new ExpenseApi(api, web);
    }

    @Test
    void aCategoryIsCreatedRenamedDeactivatedAndReactivated() {
        Api.Org org = api.signUp();
        var created = api.post(org.token(), CATEGORIES, Map.of("name", "  Travel ")).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody(Map.class).returnResult();
        String id = (String) created.getResponseBody().get("id");
        assertThat(created.getResponseHeaders().getLocation()).hasToString(CATEGORIES + "/" + id);
        read(org, id, 0)
                .jsonPath("$.name").isEqualTo("Travel")
                .jsonPath("$.active").isEqualTo(true);
        api.patch(org.token(), CATEGORIES + "/" + id, Map.of("name", "Travel & lodging"), "\"0\"").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        action(org, id, "deactivate").expectStatus().isOk();
        read(org, id, 2)
                .jsonPath("$.name").isEqualTo("Travel & lodging")
                .jsonPath("$.active").isEqualTo(false);
        action(org, id, "deactivate").expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        action(org, id, "reactivate").expectStatus().isOk();
        read(org, id, 3).jsonPath("$.active").isEqualTo(true);
    }

    @Test
    void listsCategoriesByNameAndStatus() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "travel");
        UUID meals = expenses.category(org.token(), "Meals");
        UUID software = expenses.category(org.token(), "Software");
        action(org, software.toString(), "deactivate").expectStatus().isOk();
        read(org, travel.toString(), 0);
        read(org, meals.toString(), 0);
        read(org, software.toString(), 1);
        assertThat(names(org.token(), "")).containsExactly("Meals", "Software", "travel");
        assertThat(names(org.token(), "?status=active")).containsExactly("Meals", "travel");
        assertThat(names(org.token(), "?status=inactive")).containsExactly("Software");
        Map<?, ?> first = api.get(org.token(), CATEGORIES + "?limit=2").exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        api.get(org.token(), CATEGORIES + "?limit=2&cursor=" + first.get("nextCursor")).exchange()
                .expectBody()
                .jsonPath("$.items[0].name").isEqualTo("travel")
                .jsonPath("$.nextCursor").doesNotExist();
        api.get(org.token(), CATEGORIES + "?status=gone").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        api.get(org.token(), CATEGORIES + "?colour=red").exchange().expectStatus().isBadRequest();
    }

    @Test
    void twoCategoriesNeverShareAName() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        expenses.category(org.token(), "Travel");
        UUID meals = expenses.category(org.token(), "Meals");
        expenses.category(other.token(), "Travel");
        api.post(org.token(), CATEGORIES, Map.of("name", " TRAVEL")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("expense_category.name_taken");
        api.patch(org.token(), CATEGORIES + "/" + meals, Map.of("name", "travel")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("expense_category.name_taken");
        api.patch(org.token(), CATEGORIES + "/" + meals, Map.of("name", "MEALS")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void invalidNamesAreRejected() {
        Api.Org org = api.signUp();
        api.post(org.token(), CATEGORIES, Map.of("name", " ")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        api.post(org.token(), CATEGORIES, Map.of("name", "n".repeat(101))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("size");
        api.postRaw(org.token(), CATEGORIES, "{\"name\": \"Travel\", \"colour\": \"red\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.unknown_field");
        UUID id = expenses.category(org.token(), "Travel");
        api.patch(org.token(), CATEGORIES + "/" + id, Map.of()).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void aDeactivatedCategoryStaysOnItsExpensesButTakesNoNewOnes() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID expense = expenses.create(org.token(), expense(travel, "Taxi", 10));
        action(org, travel.toString(), "deactivate").expectStatus().isOk();
        api.post(org.token(), EXPENSES, expense(travel, "Rail", 20)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("expense_category.inactive");
        api.patch(org.token(), EXPENSES + "/" + expense, Map.of("amount", 11)).exchange().expectStatus().isOk();
        read(org, travel.toString(), 1);
        expenses.read(org.token(), expense, 1).jsonPath("$.categoryName").isEqualTo("Travel");
    }

    @Test
    void membersReadCategoriesAndOnlyManagersKeepThem() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        Api.Session member = api.member(org, "member");
        Api.Session accountant = api.member(org, "accountant");
        Api.Session manager = api.member(org, "manager");
        read(org, travel.toString(), 0);
        assertThat(names(member.token(), "")).containsExactly("Travel");
        assertThat(names(accountant.token(), "")).containsExactly("Travel");
        api.get(member.token(), CATEGORIES + "/" + travel).exchange().expectStatus().isOk();
        api.post(member.token(), CATEGORIES, Map.of("name", "Mine")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        api.patch(accountant.token(), CATEGORIES + "/" + travel, Map.of("name", "Mine")).exchange()
                .expectStatus().isForbidden();
        for (String action : List.of("deactivate", "reactivate")) {
            api.post(member.token(), CATEGORIES + "/" + travel + "/" + action, Map.of()).exchange()
                    .expectStatus().isForbidden();
        }
        api.post(manager.token(), CATEGORIES, Map.of("name", "Meals")).exchange().expectStatus().isCreated();
    }

    @Test
    void withoutATokenNothingIsReadOrChanged() {
        String path = CATEGORIES + "/" + UUID.randomUUID();
        api.get(null, CATEGORIES).exchange().expectStatus().isUnauthorized();
        api.get(null, path).exchange().expectStatus().isUnauthorized();
        api.post(null, CATEGORIES, Map.of("name", "Travel")).exchange().expectStatus().isUnauthorized();
        api.patch(null, path, Map.of("name", "Travel")).exchange().expectStatus().isUnauthorized();
        api.post(null, path + "/deactivate", Map.of()).exchange().expectStatus().isUnauthorized();
        api.post(null, path + "/reactivate", Map.of()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherOrganizationsCategoryIsNotFound() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        read(org, travel.toString(), 0);
        api.get(other.token(), CATEGORIES + "/" + travel).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("expense_category.not_found");
        api.patch(other.token(), CATEGORIES + "/" + travel, Map.of("name", "Mine")).exchange()
                .expectStatus().isNotFound();
        for (String action : List.of("deactivate", "reactivate")) {
            action(other, travel.toString(), action).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("expense_category.not_found");
        }
        assertThat(names(other.token(), "")).isEmpty();
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        api.patch(org.token(), CATEGORIES + "/" + travel, Map.of("name", "Trips"), "\"0\"").exchange()
                .expectStatus().isOk();
        api.patch(org.token(), CATEGORIES + "/" + travel, Map.of("name", "Journeys"), "\"0\"").exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        web.post().uri(CATEGORIES + "/" + travel + "/deactivate")
                .headers(headers -> {
                    headers.setBearerAuth(org.token());
                    headers.set(HttpHeaders.IF_MATCH, "\"0\"");
                })
                .exchange()
                .expectStatus().isEqualTo(412);
    }

    @Test
    void aRepeatedCreationReplaysTheFirstAnswer() {
        Api.Org org = api.signUp();
        String key = "category-" + UUID.randomUUID();
        String first = api.post(org.token(), CATEGORIES, Map.of("name", "Travel"), key).exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        api.post(org.token(), CATEGORIES, Map.of("name", "Travel"), key).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(first);
        api.post(org.token(), CATEGORIES, Map.of("name", "Meals"), key).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");
    }

    private WebTestClient.BodyContentSpec read(Api.Org org, String id, long version) {
        return api.get(org.token(), CATEGORIES + "/" + id + "?minVersion=" + version).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + version + "\"")
                .expectBody();
    }

    private WebTestClient.ResponseSpec action(Api.Org org, String id, String action) {
        return api.post(org.token(), CATEGORIES + "/" + id + "/" + action, Map.of()).exchange();
    }

    private List<String> names(String token, String query) {
        Map<?, ?> page = api.get(token, CATEGORIES + query).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("name")).toList();
    }
}
