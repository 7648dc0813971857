package io.ledgerline.app.web.expense;

import static io.ledgerline.app.web.expense.ExpenseApi.MAPPINGS;
import static io.ledgerline.app.web.expense.ExpenseApi.expense;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class MerchantMappingsIntegrationTest extends IntegrationTest {

    private ExpenseApi expenses;

    @BeforeEach
    void expenses() {
        expenses = new ExpenseApi(api, web);
    }

    private static Map<String, Object> mapping(String merchant, UUID projectId, UUID categoryId) {
        Map<String, Object> body = new HashMap<>();
        body.put("merchant", merchant);
        if (projectId != null) {
            body.put("projectId", projectId.toString());
        }
        if (categoryId != null) {
            body.put("categoryId", categoryId.toString());
        }
        return body;
    }

    @Test
    void aNewExpenseTakesWhatItLeavesOutFromItsMerchantsMapping() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID client = expenses.client(org.token());
        UUID project = expenses.project(org.token(), client, "Website");
        var created = api.post(org.token(), MAPPINGS, mapping("Lufthansa", project, travel)).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody(Map.class).returnResult();
        String mappingId = (String) created.getResponseBody().get("id");
        assertThat(created.getResponseHeaders().getLocation()).hasToString(MAPPINGS + "/" + mappingId);
        read(org, mappingId, 0)
                .jsonPath("$.merchant").isEqualTo("Lufthansa")
                .jsonPath("$.projectId").isEqualTo(project.toString())
                .jsonPath("$.projectName").isEqualTo("Website")
                .jsonPath("$.categoryId").isEqualTo(travel.toString())
                .jsonPath("$.categoryName").isEqualTo("Travel");
        api.get(org.token(), MAPPINGS + "/match?merchant=  LUFTHANSA ").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(mappingId);

        UUID id = expenses.create(org.token(), expense(null, "lufthansa ", 420.5));
        expenses.read(org.token(), id, 0)
                .jsonPath("$.categoryId").isEqualTo(travel.toString())
                .jsonPath("$.projectId").isEqualTo(project.toString())
                .jsonPath("$.clientId").isEqualTo(client.toString())
                .jsonPath("$.defaultsFrom").isEqualTo("merchant_mapping")
                .jsonPath("$.defaultedFields").isEqualTo(List.of("categoryId", "projectId"));
        UUID meals = expenses.category(org.token(), "Meals");
        UUID own = expenses.create(org.token(), expense(meals, "Lufthansa", 12));
        expenses.read(org.token(), own, 0)
                .jsonPath("$.categoryId").isEqualTo(meals.toString())
                .jsonPath("$.projectId").isEqualTo(project.toString())
                .jsonPath("$.defaultedFields").isEqualTo(List.of("projectId"));
    }

    @Test
    void aMerchantsMappingIsReplacedChangedAndRemoved() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID meals = expenses.category(org.token(), "Meals");
        UUID project = expenses.project(org.token(), expenses.client(org.token()), "Website");
        String id = (String) api.post(org.token(), MAPPINGS, mapping("Lufthansa", null, travel)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        api.post(org.token(), MAPPINGS, mapping(" LUFTHANSA", project, travel)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.version").isEqualTo(1);
        read(org, id, 1)
                .jsonPath("$.merchant").isEqualTo("LUFTHANSA")
                .jsonPath("$.projectId").isEqualTo(project.toString());
        api.put(org.token(), MAPPINGS + "/" + id, Map.of("categoryId", meals.toString())).exchange()
                .expectStatus().isOk();
        read(org, id, 2)
                .jsonPath("$.categoryId").isEqualTo(meals.toString())
                .jsonPath("$.projectId").doesNotExist();
        api.delete(org.token(), MAPPINGS + "/" + id, "\"2\"").exchange().expectStatus().isOk();
        api.get(org.token(), MAPPINGS + "/" + id + "?minVersion=3").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("merchant_mapping.not_found");
        api.get(org.token(), MAPPINGS + "/match?merchant=Lufthansa").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("merchant_mapping.not_found");
        api.delete(org.token(), MAPPINGS + "/" + id).exchange()
                .expectStatus().isNotFound();
        api.post(org.token(), MAPPINGS, mapping("Lufthansa", null, travel)).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo(id);
        read(org, id, 4).jsonPath("$.categoryId").isEqualTo(travel.toString());
    }

    @Test
    void listsMappingsByMerchant() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        for (String merchant : List.of("Uber", "lufthansa", "Deutsche Bahn")) {
            String id = (String) api.post(org.token(), MAPPINGS, mapping(merchant, null, travel)).exchange()
                    .expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id");
            read(org, id, 0);
        }
        String uber = (String) api.get(org.token(), MAPPINGS + "/match?merchant=uber").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        api.delete(org.token(), MAPPINGS + "/" + uber).exchange().expectStatus().isOk();
        api.get(org.token(), MAPPINGS + "/" + uber + "?minVersion=1").exchange().expectStatus().isNotFound();
        assertThat(merchants(org.token(), "")).containsExactly("Deutsche Bahn", "lufthansa");
        Map<?, ?> first = api.get(org.token(), MAPPINGS + "?limit=1").exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        api.get(org.token(), MAPPINGS + "?limit=1&cursor=" + first.get("nextCursor")).exchange()
                .expectBody()
                .jsonPath("$.items[0].merchant").isEqualTo("lufthansa")
                .jsonPath("$.nextCursor").doesNotExist();
        api.get(org.token(), MAPPINGS + "?merchant=uber").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("merchant");
        api.get(org.token(), MAPPINGS + "/match").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("merchant");
    }

    @Test
    void aMappingSetsSomethingUsable() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID archived = expenses.project(org.token(), expenses.client(org.token()), "Old");
        api.post(org.token(), "/api/v1/projects/" + archived + "/archive", Map.of()).exchange()
                .expectStatus().isOk();
        api.post(org.token(), MAPPINGS, mapping(" ", null, travel)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("merchant");
        api.post(org.token(), MAPPINGS, mapping("m".repeat(201), null, travel)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("size");
        api.postRaw(org.token(), MAPPINGS, "{\"merchant\": \"Uber\", \"projectId\": \"nope\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("projectId");
        expectRefused(org, mapping("Uber", null, null), 422, "merchant_mapping.empty");
        expectRefused(org, mapping("Uber", archived, null), 422, "project.archived");
        expectRefused(org, mapping("Uber", null, expenses.category(other.token(), "Theirs")), 404,
                "expense_category.not_found");
    }

    @Test
    void membersReadMappingsAndOnlyManagersKeepThem() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        Api.Session member = api.member(org, "member");
        Api.Session accountant = api.member(org, "accountant");
        String id = (String) api.post(org.token(), MAPPINGS, mapping("Uber", null, travel)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        read(org, id, 0);
        assertThat(merchants(member.token(), "")).containsExactly("Uber");
        api.get(accountant.token(), MAPPINGS + "/match?merchant=uber").exchange().expectStatus().isOk();
        api.get(member.token(), MAPPINGS + "/" + id).exchange().expectStatus().isOk();
        api.post(member.token(), MAPPINGS, mapping("Taxi", null, travel)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        api.put(accountant.token(), MAPPINGS + "/" + id, Map.of("categoryId", travel.toString())).exchange()
                .expectStatus().isForbidden();
        api.delete(member.token(), MAPPINGS + "/" + id).exchange().expectStatus().isForbidden();
    }

    @Test
    void withoutATokenNothingIsReadOrChanged() {
        String path = MAPPINGS + "/" + UUID.randomUUID();
        api.get(null, MAPPINGS).exchange().expectStatus().isUnauthorized();
        api.get(null, MAPPINGS + "/match?merchant=Uber").exchange().expectStatus().isUnauthorized();
        api.get(null, path).exchange().expectStatus().isUnauthorized();
        api.post(null, MAPPINGS, mapping("Uber", null, UUID.randomUUID())).exchange().expectStatus().isUnauthorized();
        api.put(null, path, Map.of()).exchange().expectStatus().isUnauthorized();
        api.delete(null, path).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherOrganizationsMappingIsNotFound() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID theirs = expenses.category(other.token(), "Travel");
        String id = (String) api.post(org.token(), MAPPINGS, mapping("Uber", null, travel)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        read(org, id, 0);
        api.get(other.token(), MAPPINGS + "/" + id).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("merchant_mapping.not_found");
        api.get(other.token(), MAPPINGS + "/match?merchant=Uber").exchange().expectStatus().isNotFound();
        api.put(other.token(), MAPPINGS + "/" + id, Map.of("categoryId", theirs.toString())).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("merchant_mapping.not_found");
        api.delete(other.token(), MAPPINGS + "/" + id).exchange().expectStatus().isNotFound();
        assertThat(merchants(other.token(), "")).isEmpty();
        api.post(other.token(), MAPPINGS, mapping("Uber", null, theirs)).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.id").value(theirId -> assertThat(theirId).isNotEqualTo(id));
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        UUID meals = expenses.category(org.token(), "Meals");
        String id = (String) api.post(org.token(), MAPPINGS, mapping("Uber", null, travel)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        put(org, id, Map.of("categoryId", meals.toString()), "\"0\"").expectStatus().isOk();
        put(org, id, Map.of("categoryId", travel.toString()), "\"0\"")
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        api.delete(org.token(), MAPPINGS + "/" + id, "\"0\"").exchange().expectStatus().isEqualTo(412);
    }

    @Test
    void aRepeatedMappingReplaysTheFirstAnswer() {
        Api.Org org = api.signUp();
        UUID travel = expenses.category(org.token(), "Travel");
        String key = "mapping-" + UUID.randomUUID();
        var first = api.post(org.token(), MAPPINGS, mapping("Uber", null, travel), key).exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult();
        var second = api.post(org.token(), MAPPINGS, mapping("Uber", null, travel), key).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).returnResult();
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        api.post(org.token(), MAPPINGS, mapping("Taxi", null, travel), key).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");
    }

    private void expectRefused(Api.Org org, Map<String, Object> body, int status, String code) {
        api.post(org.token(), MAPPINGS, body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    private WebTestClient.ResponseSpec put(Api.Org org, String id, Object body, String ifMatch) {
        return web.put().uri(MAPPINGS + "/" + id)
                .headers(headers -> {
                    headers.setBearerAuth(org.token());
                    headers.set(HttpHeaders.IF_MATCH, ifMatch);
                })
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.BodyContentSpec read(Api.Org org, String id, long version) {
        return api.get(org.token(), MAPPINGS + "/" + id + "?minVersion=" + version).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + version + "\"")
                .expectBody();
    }

    private List<String> merchants(String token, String query) {
        Map<?, ?> page = api.get(token, MAPPINGS + query).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("merchant")).toList();
    }
}
