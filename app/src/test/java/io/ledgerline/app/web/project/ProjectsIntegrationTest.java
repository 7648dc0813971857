package io.ledgerline.app.web.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProjectsIntegrationTest extends IntegrationTest {

    private Clients clients;

    @BeforeEach
    void clients() {
        clients = new Clients(api);
    }

    static Map<String, Object> hourly(UUID clientId, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId.toString());
        body.put("name", name);
        body.put("code", "WEB");
        body.put("billingMethod", "hourly");
        body.put("hourlyRate", 120.5);
        body.put("budget", Map.of("hours", 100, "amount", 12050));
        body.put("startDate", "2026-01-01");
        body.put("endDate", "2026-06-30");
        return body;
    }

    /** Creates a project and returns its id. */
    static UUID create(Api api, Api.Org org, Map<String, Object> body) {
        Map<?, ?> written = api.post(org.token(), "/api/v1/projects", body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    private UUID createHourly(Api.Org org, String name) {
        return create(api, org, hourly(clients.create(org, "Acme"), name));
    }

    private void waitFor(Api.Org org, UUID projectId, long version) {
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=" + version).exchange()
                .expectStatus().isOk();
    }

    // creating and reading

    @Test
    void createsAProjectAndReadsItAtItsVersion() {
        Api.Org org = api.signUp();
        UUID clientId = clients.create(org, "Acme");
        Map<?, ?> written = api.post(org.token(), "/api/v1/projects", hourly(clientId, "  Website ")).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .startsWith("/api/v1/projects/"))
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) written.get("id");
        assertThat(written.get("version")).isEqualTo(0);
        api.get(org.token(), "/api/v1/projects/" + id + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.clientId").isEqualTo(clientId.toString())
                .jsonPath("$.name").isEqualTo("Website")
                .jsonPath("$.code").isEqualTo("WEB")
                .jsonPath("$.billingMethod").isEqualTo("hourly")
                .jsonPath("$.hourlyRate").isEqualTo(120.5)
                .jsonPath("$.budget.hours").isEqualTo(100)
                .jsonPath("$.budget.amount").isEqualTo(12050)
                .jsonPath("$.startDate").isEqualTo("2026-01-01")
                .jsonPath("$.endDate").isEqualTo("2026-06-30")
                .jsonPath("$.status").isEqualTo("active")
                .jsonPath("$.tasks").isEmpty()
                .jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void aNonBillableProjectNeedsNoRateAndKeepsNone() {
        Api.Org org = api.signUp();
        Map<String, Object> body = hourly(clients.create(org, "Acme"), "Internal");
        body.put("billingMethod", "non_billable");
        body.remove("budget");
        UUID id = create(api, org, body);
        api.get(org.token(), "/api/v1/projects/" + id + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.billingMethod").isEqualTo("non_billable")
                .jsonPath("$.hourlyRate").doesNotExist();
    }

    @Test
    void invalidFieldsAreRejectedByName() {
        Api.Org org = api.signUp();
        api.post(org.token(), "/api/v1/projects", Map.of("name", " ")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation.failed")
                .jsonPath("$.errors[?(@.field == 'clientId')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'name')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'billingMethod')].code").isEqualTo("required");
        Map<String, Object> negative = hourly(UUID.randomUUID(), "Website");
        negative.put("hourlyRate", -1);
        negative.put("budget", Map.of("hours", -2, "amount", 1.23456));
        negative.put("name", "x".repeat(201));
        api.post(org.token(), "/api/v1/projects", negative).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'hourlyRate')].code").isEqualTo("too_small")
                .jsonPath("$.errors[?(@.field == 'budget.hours')].code").isEqualTo("too_small")
                .jsonPath("$.errors[?(@.field == 'budget.amount')].code").isEqualTo("digits")
                .jsonPath("$.errors[?(@.field == 'name')].code").isEqualTo("size");
        Map<String, Object> weekly = hourly(UUID.randomUUID(), "Website");
        weekly.put("billingMethod", "weekly");
        api.post(org.token(), "/api/v1/projects", weekly).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("billingMethod");
        Map<String, Object> badDate = hourly(UUID.randomUUID(), "Website");
        badDate.put("startDate", "2026-13-01");
        api.post(org.token(), "/api/v1/projects", badDate).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("startDate");
        api.postRaw(org.token(), "/api/v1/projects", "{\"colour\": \"red\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.unknown_field");
        api.postRaw(org.token(), "/api/v1/projects", "{\"name\": ").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.malformed_json");
    }

    @Test
    void businessRulesOnCreationAreUnprocessable() {
        Api.Org org = api.signUp();
        UUID clientId = clients.create(org, "Acme");
        Map<String, Object> noRate = hourly(clientId, "Website");
        noRate.remove("hourlyRate");
        api.post(org.token(), "/api/v1/projects", noRate).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("project.hourly_rate_required");
        Map<String, Object> backwards = hourly(clientId, "Website");
        backwards.put("startDate", "2026-07-01");
        api.post(org.token(), "/api/v1/projects", backwards).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("project.dates_out_of_order");
    }

    @Test
    void aProjectNeedsAClientOfTheOrganization() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID othersClient = clients.create(other, "Theirs");
        api.post(org.token(), "/api/v1/projects", hourly(othersClient, "Website")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not_found");
        api.post(org.token(), "/api/v1/projects", hourly(UUID.randomUUID(), "Website")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not_found");
    }

    @Test
    void anInactiveClientGetsNoNewProjects() {
        Api.Org org = api.signUp();
        UUID clientId = clients.create(org, "Dormant");
        clients.deactivate(org, clientId);
        api.post(org.token(), "/api/v1/projects", hourly(clientId, "Website")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("client.inactive");
    }

    // updating

    @Test
    void aPatchChangesOnlyWhatItNamesAndNullClears() {
        Api.Org org = api.signUp();
        UUID id = createHourly(org, "Website");
        // Raw JSON: the test client's own JSON settings would drop the null that asks to clear the end date.
        patchRaw(org, "/api/v1/projects/" + id,
                "{\"name\": \"Website relaunch\", \"endDate\": null, \"budget\": {\"hours\": 80}}", "\"0\"");
        api.get(org.token(), "/api/v1/projects/" + id + "?minVersion=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Website relaunch")
                .jsonPath("$.code").isEqualTo("WEB")
                .jsonPath("$.hourlyRate").isEqualTo(120.5)
                .jsonPath("$.budget.hours").isEqualTo(80)
                .jsonPath("$.budget.amount").doesNotExist()
                .jsonPath("$.startDate").isEqualTo("2026-01-01")
                .jsonPath("$.endDate").doesNotExist();
    }

    @Test
    void aPatchWithoutIfMatchMergesOntoTheNewestVersion() {
        Api.Org org = api.signUp();
        UUID id = createHourly(org, "Website");
        api.patch(org.token(), "/api/v1/projects/" + id, Map.of("code", "W1")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        // Sent right after the first write: the read model may be behind, and the merge must still keep "W1".
        api.patch(org.token(), "/api/v1/projects/" + id, Map.of("name", "Renamed")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        api.get(org.token(), "/api/v1/projects/" + id + "?minVersion=2").exchange()
                .expectBody()
                .jsonPath("$.code").isEqualTo("W1")
                .jsonPath("$.name").isEqualTo("Renamed");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        UUID id = createHourly(org, "Website");
        api.patch(org.token(), "/api/v1/projects/" + id, Map.of("name", "First"), "\"0\"").exchange()
                .expectStatus().isOk();
        api.patch(org.token(), "/api/v1/projects/" + id, Map.of("name", "Second"), "\"0\"").exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        web.post().uri("/api/v1/projects/" + id + "/complete")
                .headers(headers -> headers.setBearerAuth(org.token()))
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .exchange()
                .expectStatus().isEqualTo(412);
    }

    @Test
    void invalidPatchesAreRejected() {
        Api.Org org = api.signUp();
        UUID id = createHourly(org, "Website");
        api.patchRaw(org.token(), "/api/v1/projects/" + id, "{\"name\": null}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        api.patch(org.token(), "/api/v1/projects/" + id, Map.of("hourlyRate", -5, "name", "")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'hourlyRate')].code").isEqualTo("too_small")
                .jsonPath("$.errors[?(@.field == 'name')].code").isEqualTo("size");
        api.patch(org.token(), "/api/v1/projects/" + id, Map.of()).exchange()
                .expectStatus().isBadRequest();
        api.patchRaw(org.token(), "/api/v1/projects/" + id, "{\"clientId\": \"" + UUID.randomUUID() + "\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.unknown_field");
        api.patch(org.token(), "/api/v1/projects/" + id, Map.of("endDate", "2025-01-01")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("project.dates_out_of_order");
        api.patch(org.token(), "/api/v1/projects/" + id, Map.of("name", "X"), "3x").exchange()
                .expectStatus().isBadRequest();
    }

    // status

    @Test
    void aProjectIsCompletedArchivedAndReactivated() {
        Api.Org org = api.signUp();
        UUID id = createHourly(org, "Website");
        action(org, id, "complete").expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        api.get(org.token(), "/api/v1/projects/" + id + "?minVersion=1").exchange()
                .expectBody().jsonPath("$.status").isEqualTo("completed");
        action(org, id, "archive").expectStatus().isOk();
        api.get(org.token(), "/api/v1/projects/" + id + "?minVersion=2").exchange()
                .expectBody().jsonPath("$.status").isEqualTo("archived");
        action(org, id, "archive").expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        action(org, id, "reactivate").expectStatus().isOk();
        api.get(org.token(), "/api/v1/projects/" + id + "?minVersion=3").exchange()
                .expectBody().jsonPath("$.status").isEqualTo("active");
    }

    @Test
    void aProjectOfAnInactiveClientCannotBeReactivated() {
        Api.Org org = api.signUp();
        UUID clientId = clients.create(org, "Acme");
        UUID id = create(api, org, hourly(clientId, "Website"));
        action(org, id, "complete").expectStatus().isOk();
        clients.deactivate(org, clientId);
        action(org, id, "reactivate").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("client.inactive");
    }

    @Test
    void anUnknownProjectIsNotFound() {
        Api.Org org = api.signUp();
        UUID unknown = UUID.randomUUID();
        api.get(org.token(), "/api/v1/projects/" + unknown).exchange().expectStatus().isNotFound();
        action(org, unknown, "complete").expectStatus().isNotFound();
        api.patch(org.token(), "/api/v1/projects/" + unknown, Map.of("name", "X")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void ofTwoConcurrentPatchesAtTheSameVersionOneWinsAndOneIsStale() throws Exception {
        Api.Org org = api.signUp();
        UUID id = createHourly(org, "Website");
        waitFor(org, id, 0);
        List<CompletableFuture<Integer>> racers = List.of("First", "Second").stream()
                .map(name -> CompletableFuture.supplyAsync(() -> api.patch(org.token(), "/api/v1/projects/" + id,
                                Map.of("name", name), "\"0\"").exchange()
                        .expectBody().returnResult().getStatus().value()))
                .toList();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (CompletableFuture<Integer> racer : racers) {
            statuses.add(racer.get(30, TimeUnit.SECONDS));
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        api.get(org.token(), "/api/v1/projects/" + id + "?minVersion=1").exchange()
                .expectBody().jsonPath("$.version").isEqualTo(1);
    }

    // client deletion

    @Test
    void aDeletedClientsProjectsLeaveTheReadModel() {
        Api.Org org = api.signUp();
        UUID gone = clients.create(org, "Gone");
        UUID kept = clients.create(org, "Kept");
        UUID doomed = create(api, org, hourly(gone, "Doomed"));
        UUID survivor = create(api, org, hourly(kept, "Survivor"));
        api.post(org.token(), "/api/v1/projects/" + doomed + "/tasks", Map.of("name", "Design")).exchange()
                .expectStatus().isCreated();
        action(org, doomed, "complete").expectStatus().isOk();
        waitFor(org, doomed, 2);
        waitFor(org, survivor, 0);
        api.delete(org.token(), "/api/v1/clients/" + gone).exchange().expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                api.get(org.token(), "/api/v1/projects/" + doomed).exchange()
                        .expectBody().returnResult().getStatus().value() == 404);
        assertThat(names(org, "")).containsExactly("Survivor");
        assertThat(names(org, "?clientId=" + gone)).isEmpty();
        action(org, doomed, "reactivate").expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not_found");
    }

    // access

    @Test
    void withoutATokenNothingIsReadOrChanged() {
        UUID id = UUID.randomUUID();
        api.get(null, "/api/v1/projects").exchange().expectStatus().isUnauthorized();
        api.get(null, "/api/v1/projects/" + id).exchange().expectStatus().isUnauthorized();
        api.post(null, "/api/v1/projects", hourly(UUID.randomUUID(), "X")).exchange().expectStatus().isUnauthorized();
        api.patch(null, "/api/v1/projects/" + id, Map.of("name", "X")).exchange().expectStatus().isUnauthorized();
        for (String action : List.of("complete", "archive", "reactivate")) {
            api.post(null, "/api/v1/projects/" + id + "/" + action, Map.of()).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    @Test
    void aMemberMayReadButNotManageProjects() {
        Api.Org org = api.signUp();
        UUID clientId = clients.create(org, "Acme");
        UUID id = create(api, org, hourly(clientId, "Website"));
        Api.Session member = api.member(org, "member");
        api.get(member.token(), "/api/v1/projects/" + id + "?minVersion=0").exchange().expectStatus().isOk();
        api.get(member.token(), "/api/v1/projects").exchange().expectStatus().isOk();
        api.post(member.token(), "/api/v1/projects", hourly(clientId, "Mine")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        api.patch(member.token(), "/api/v1/projects/" + id, Map.of("name", "Mine")).exchange()
                .expectStatus().isForbidden();
        for (String action : List.of("complete", "archive", "reactivate")) {
            api.post(member.token(), "/api/v1/projects/" + id + "/" + action, Map.of()).exchange()
                    .expectStatus().isForbidden();
        }
    }

    @Test
    void anotherOrganizationsProjectIsNotFound() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID id = createHourly(org, "Website");
        waitFor(org, id, 0);
        api.get(other.token(), "/api/v1/projects/" + id).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("project.not_found");
        api.patch(other.token(), "/api/v1/projects/" + id, Map.of("name", "Mine")).exchange()
                .expectStatus().isNotFound();
        for (String action : List.of("complete", "archive", "reactivate")) {
            action(other, id, action).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("project.not_found");
        }
        api.get(other.token(), "/api/v1/projects").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items").isEmpty();
    }

    // idempotency

    @Test
    void aRepeatedCreationReplaysTheFirstAnswer() {
        Api.Org org = api.signUp();
        Map<String, Object> body = hourly(clients.create(org, "Acme"), "Website");
        String key = "create-" + UUID.randomUUID();
        Map<?, ?> first = api.post(org.token(), "/api/v1/projects", body, key).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Api.replay(() -> api.post(org.token(), "/api/v1/projects", body, key))
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/projects/" + first.get("id"))
                .expectBody().jsonPath("$.id").isEqualTo(first.get("id"));
        body.put("name", "Another");
        api.post(org.token(), "/api/v1/projects", body, key).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");
        UUID id = UUID.fromString((String) first.get("id"));
        waitFor(org, id, 0);
        api.get(org.token(), "/api/v1/projects?search=website").exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void aRepeatedStatusActionReplaysTheFirstAnswer() {
        Api.Org org = api.signUp();
        UUID id = createHourly(org, "Website");
        String key = "complete-" + UUID.randomUUID();
        api.post(org.token(), "/api/v1/projects/" + id + "/complete", Map.of(), key).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        Api.replay(() -> api.post(org.token(), "/api/v1/projects/" + id + "/complete", Map.of(), key))
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.version").isEqualTo(1);
        api.post(org.token(), "/api/v1/projects/" + id + "/archive", Map.of(), key).exchange()
                .expectStatus().isEqualTo(422);
    }

    // lists

    @Test
    void listsFilterByClientAndStatusAndPage() {
        Api.Org org = api.signUp();
        UUID acme = clients.create(org, "Acme");
        UUID globex = clients.create(org, "Globex");
        UUID alpha = create(api, org, hourly(acme, "Alpha"));
        UUID beta = create(api, org, hourly(acme, "beta"));
        UUID gamma = create(api, org, hourly(acme, "Gamma"));
        UUID delta = create(api, org, hourly(globex, "Delta"));
        action(org, beta, "complete").expectStatus().isOk();
        action(org, gamma, "archive").expectStatus().isOk();
        waitFor(org, alpha, 0);
        waitFor(org, beta, 1);
        waitFor(org, gamma, 1);
        waitFor(org, delta, 0);

        assertThat(names(org, "")).containsExactly("Alpha", "beta", "Delta", "Gamma");
        assertThat(names(org, "?status=all")).containsExactly("Alpha", "beta", "Delta", "Gamma");
        assertThat(names(org, "?clientId=" + acme)).containsExactly("Alpha", "beta", "Gamma");
        assertThat(names(org, "?clientId=" + acme + "&status=active")).containsExactly("Alpha");
        assertThat(names(org, "?clientId=" + acme + "&status=completed")).containsExactly("beta");
        assertThat(names(org, "?clientId=" + acme + "&status=archived")).containsExactly("Gamma");
        assertThat(names(org, "?status=ACTIVE")).containsExactly("Alpha", "Delta");
        assertThat(names(org, "?clientId=" + globex)).containsExactly("Delta");
        assertThat(names(org, "?search=ET")).containsExactly("beta");
        assertThat(names(org, "?search=%25")).isEmpty();

        Map<?, ?> first = api.get(org.token(), "/api/v1/projects?limit=3").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<?>) first.get("items"))).hasSize(3);
        String cursor = (String) first.get("nextCursor");
        assertThat(cursor).isNotNull();
        api.get(org.token(), "/api/v1/projects?limit=3&cursor=" + cursor).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].name").isEqualTo("Gamma")
                .jsonPath("$.items[0].tasks").doesNotExist()
                .jsonPath("$.nextCursor").doesNotExist();
    }

    @Test
    void badListParametersAreRejectedByName() {
        Api.Org org = api.signUp();
        expectBadParameter(org, "?status=open", "status");
        expectBadParameter(org, "?clientId=acme", "clientId");
        expectBadParameter(org, "?limit=0", "limit");
        expectBadParameter(org, "?limit=501", "limit");
        expectBadParameter(org, "?cursor=nonsense", "cursor");
        expectBadParameter(org, "?colour=red", "colour");
        expectBadParameter(org, "?status=active&status=archived", "status");
        api.get(org.token(), "/api/v1/projects/" + UUID.randomUUID() + "?minVersion=x").exchange()
                .expectStatus().isBadRequest();
    }


    private void patchRaw(Api.Org org, String path, String json, String ifMatch) {
        web.patch().uri(path)
                .headers(headers -> headers.setBearerAuth(org.token()))
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.version").isEqualTo(1);
    }

    private void expectBadParameter(Api.Org org, String query, String field) {
        api.expectBadParameter(org.token(), "/api/v1/projects" + query, field);
    }

    private List<String> names(Api.Org org, String query) {
        Map<?, ?> page = api.get(org.token(), "/api/v1/projects" + query).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("name")).toList();
    }

    private WebTestClient.ResponseSpec action(Api.Org org, UUID id, String action) {
        return api.post(org.token(), "/api/v1/projects/" + id + "/" + action, Map.of()).exchange();
    }
}
