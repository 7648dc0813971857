package io.ledgerline.app.web.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProjectTasksIntegrationTest extends IntegrationTest {

    private Clients clients;

    @BeforeEach
    void clients() {
        clients = new Clients(api);
    }

    private UUID project(Api.Org org) {
        return ProjectsIntegrationTest.create(api, org,
                ProjectsIntegrationTest.hourly(clients.create(org, "Acme"), "Website"));
    }

    private UUID addTask(Api.Org org, UUID projectId, String name) {
        Map<?, ?> written = api.post(org.token(), tasks(projectId), Map.of("name", name)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    private static String tasks(UUID projectId) {
        return "/api/v1/projects/" + projectId + "/tasks";
    }

    private WebTestClient.ResponseSpec action(Api.Org org, UUID projectId, UUID taskId, String action) {
        return api.post(org.token(), tasks(projectId) + "/" + taskId + "/" + action, Map.of()).exchange();
    }

    @Test
    void addsATaskAndReadsItWithItsProject() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        Map<?, ?> written = api.post(org.token(), tasks(projectId),
                        Map.of("name", " Design ", "billable", false, "rateOverride", 95.5))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(Map.class).returnResult().getResponseBody();
        String taskId = (String) written.get("id");
        assertThat(written.get("version")).isEqualTo(1);
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.tasks.length()").isEqualTo(1)
                .jsonPath("$.tasks[0].id").isEqualTo(taskId)
                .jsonPath("$.tasks[0].name").isEqualTo("Design")
                .jsonPath("$.tasks[0].billable").isEqualTo(false)
                .jsonPath("$.tasks[0].rateOverride").isEqualTo(95.5)
                .jsonPath("$.tasks[0].active").isEqualTo(true);
        api.get(org.token(), tasks(projectId) + "/" + taskId + "?minVersion=1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.name").isEqualTo("Design");
        api.get(org.token(), tasks(projectId) + "/" + UUID.randomUUID() + "?minVersion=1").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("task.not_found");
    }

    @Test
    void aTaskIsBillableAtTheProjectsRateUnlessToldOtherwise() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        addTask(org, projectId, "Build");
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=1").exchange()
                .expectBody()
                .jsonPath("$.tasks[0].billable").isEqualTo(true)
                .jsonPath("$.tasks[0].rateOverride").doesNotExist();
    }

    @Test
    void twoActiveTasksCannotShareAName() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        addTask(org, projectId, "Design");
        api.post(org.token(), tasks(projectId), Map.of("name", " DESIGN")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("task.name_taken");
    }

    @Test
    void invalidTasksAreRejectedByName() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        api.post(org.token(), tasks(projectId), Map.of("name", " ", "rateOverride", -1)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'name')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'rateOverride')].code").isEqualTo("too_small");
        api.post(org.token(), tasks(projectId), Map.of("name", "Design", "billable", "sometimes")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("billable");
        UUID taskId = addTask(org, projectId, "Design");
        api.patch(org.token(), tasks(projectId) + "/" + taskId, Map.of("rateOverride", 1.23456, "name", "")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'rateOverride')].code").isEqualTo("digits")
                .jsonPath("$.errors[?(@.field == 'name')].code").isEqualTo("size");
        api.patchRaw(org.token(), tasks(projectId) + "/" + taskId, "{\"billable\": null}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("billable");
        api.patch(org.token(), tasks(projectId) + "/" + taskId, Map.of()).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void aTaskPatchChangesOnlyWhatItNamesAndNullClearsTheRate() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        Map<?, ?> written = api.post(org.token(), tasks(projectId), Map.of("name", "Design", "rateOverride", 90))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String taskId = (String) written.get("id");
        web.patch().uri(tasks(projectId) + "/" + taskId)
                .headers(headers -> headers.setBearerAuth(org.token()))
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                // Raw JSON: the test client's own JSON settings would drop the null that clears the rate.
                .bodyValue("{\"name\": \"UX design\", \"rateOverride\": null}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.id").isEqualTo(taskId);
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=2").exchange()
                .expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.tasks[0].name").isEqualTo("UX design")
                .jsonPath("$.tasks[0].billable").isEqualTo(true)
                .jsonPath("$.tasks[0].rateOverride").doesNotExist();
        api.patch(org.token(), tasks(projectId) + "/" + taskId, Map.of("billable", false), "\"1\"").exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        api.patch(org.token(), tasks(projectId) + "/" + UUID.randomUUID(), Map.of("billable", false)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("task.not_found");
    }

    @Test
    void aTaskCannotBeRenamedToAnotherActiveTasksName() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        addTask(org, projectId, "Design");
        UUID build = addTask(org, projectId, "Build");
        api.patch(org.token(), tasks(projectId) + "/" + build, Map.of("name", "design")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("task.name_taken");
    }

    @Test
    void aDeactivatedTasksNameIsFreeUntilItIsReactivated() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        UUID design = addTask(org, projectId, "Design");
        action(org, projectId, design, "deactivate").expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.id").isEqualTo(design.toString());
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=2").exchange()
                .expectBody().jsonPath("$.tasks[0].active").isEqualTo(false);
        action(org, projectId, design, "deactivate").expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        UUID again = addTask(org, projectId, "design");
        action(org, projectId, design, "reactivate").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("task.name_taken");
        action(org, projectId, again, "deactivate").expectStatus().isOk();
        action(org, projectId, design, "reactivate").expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(5);
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=5").exchange()
                .expectBody()
                .jsonPath("$.tasks[?(@.id == '" + design + "')].active").isEqualTo(true)
                .jsonPath("$.tasks[?(@.id == '" + again + "')].active").isEqualTo(false);
    }

    @Test
    void anUnknownTaskIsNotFound() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        for (String action : List.of("deactivate", "reactivate")) {
            action(org, projectId, UUID.randomUUID(), action).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("task.not_found");
        }
    }

    @Test
    void theTasksOfAnArchivedProjectCannotChange() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        UUID design = addTask(org, projectId, "Design");
        api.post(org.token(), "/api/v1/projects/" + projectId + "/archive", Map.of()).exchange()
                .expectStatus().isOk();
        api.post(org.token(), tasks(projectId), Map.of("name", "Build")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("project.archived");
        api.patch(org.token(), tasks(projectId) + "/" + design, Map.of("name", "UX"), "\"2\"").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("project.archived");
        for (String action : List.of("deactivate", "reactivate")) {
            action(org, projectId, design, action).expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("project.archived");
        }
        api.post(org.token(), "/api/v1/projects/" + projectId + "/reactivate", Map.of()).exchange()
                .expectStatus().isOk();
        addTask(org, projectId, "Build");
    }

    @Test
    void aStaleIfMatchOnATaskActionIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        UUID design = addTask(org, projectId, "Design");
        web.post().uri(tasks(projectId) + "/" + design + "/deactivate")
                .headers(headers -> headers.setBearerAuth(org.token()))
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .exchange()
                .expectStatus().isEqualTo(412);
        web.post().uri(tasks(projectId))
                .headers(headers -> headers.setBearerAuth(org.token()))
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Build"))
                .exchange()
                .expectStatus().isEqualTo(412);
    }

    @Test
    void withoutATokenNoTaskIsReadOrChanged() {
        UUID projectId = UUID.randomUUID();
        UUID taskId = UUID.randomUUID();
        api.get(null, tasks(projectId) + "/" + taskId).exchange().expectStatus().isUnauthorized();
        api.post(null, tasks(projectId), Map.of("name", "X")).exchange().expectStatus().isUnauthorized();
        api.patch(null, tasks(projectId) + "/" + taskId, Map.of("name", "X")).exchange()
                .expectStatus().isUnauthorized();
        for (String action : List.of("deactivate", "reactivate")) {
            api.post(null, tasks(projectId) + "/" + taskId + "/" + action, Map.of()).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    @Test
    void aMemberMayReadButNotManageTasks() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        UUID design = addTask(org, projectId, "Design");
        Api.Session member = api.member(org, "member");
        api.get(member.token(), tasks(projectId) + "/" + design + "?minVersion=1").exchange()
                .expectStatus().isOk();
        api.post(member.token(), tasks(projectId), Map.of("name", "Build")).exchange()
                .expectStatus().isForbidden();
        api.patch(member.token(), tasks(projectId) + "/" + design, Map.of("name", "UX")).exchange()
                .expectStatus().isForbidden();
        for (String action : List.of("deactivate", "reactivate")) {
            api.post(member.token(), tasks(projectId) + "/" + design + "/" + action, Map.of()).exchange()
                    .expectStatus().isForbidden();
        }
    }

    @Test
    void anotherOrganizationsTasksAreNotFound() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID projectId = project(org);
        UUID design = addTask(org, projectId, "Design");
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=1").exchange().expectStatus().isOk();
        api.get(other.token(), tasks(projectId) + "/" + design).exchange().expectStatus().isNotFound();
        api.post(other.token(), tasks(projectId), Map.of("name", "Build")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("project.not_found");
        api.patch(other.token(), tasks(projectId) + "/" + design, Map.of("name", "UX")).exchange()
                .expectStatus().isNotFound();
        for (String action : List.of("deactivate", "reactivate")) {
            api.post(other.token(), tasks(projectId) + "/" + design + "/" + action, Map.of()).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("project.not_found");
        }
    }

    @Test
    void aRepeatedTaskAdditionReplaysTheFirstAnswer() {
        Api.Org org = api.signUp();
        UUID projectId = project(org);
        String key = "task-" + UUID.randomUUID();
        Map<?, ?> first = api.post(org.token(), tasks(projectId), Map.of("name", "Design"), key).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Api.replay(() -> api.post(org.token(), tasks(projectId), Map.of("name", "Design"), key))
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(first.get("id"));
        api.post(org.token(), tasks(projectId), Map.of("name", "Build"), key).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=1").exchange()
                .expectBody().jsonPath("$.tasks.length()").isEqualTo(1);
    }
}
