package io.ledgerline.app.web.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The work time is booked on, made through the API as a user would, and shortcuts for the ledger's own calls. */
final class Ledger {

    private final Api api;
    private final WebTestClient web;

    Ledger(Api api, WebTestClient web) {
        this.api = api;
        this.web = web;
    }

    /** A client with an hourly project (and a task on it) in the organization. */
    record Work(UUID clientId, UUID projectId, UUID taskId) {
    }

    Work work(Api.Org org) {
        return work(org, "hourly");
    }

    Work work(Api.Org org, String billingMethod) {
        UUID clientId = created(api.post(org.token(), "/api/v1/clients", Map.of("name", "Client " + UUID.randomUUID(),
                "code", "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase())));
        Map<String, Object> project = new HashMap<>();
        project.put("clientId", clientId.toString());
        project.put("name", "Website " + UUID.randomUUID());
        project.put("billingMethod", billingMethod);
        if (billingMethod.equals("hourly")) {
            project.put("hourlyRate", 120);
        }
        UUID projectId = created(api.post(org.token(), "/api/v1/projects", project));
        UUID taskId = created(api.post(org.token(), "/api/v1/projects/" + projectId + "/tasks",
                Map.of("name", "Design")));
        // Entries show the client's, project's and task's names from their read models: wait until those have them.
        api.get(org.token(), "/api/v1/clients/" + clientId + "?minVersion=0").exchange().expectStatus().isOk();
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=1").exchange().expectStatus().isOk();
        return new Work(clientId, projectId, taskId);
    }

    static Map<String, Object> entry(Work work, String date, int minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectId", work.projectId().toString());
        body.put("taskId", work.taskId().toString());
        body.put("date", date);
        body.put("minutes", minutes);
        body.put("description", "Design review");
        return body;
    }

    /** Logs time as the session's member and returns the entry's id. */
    UUID log(String token, Map<String, Object> body) {
        return created(api.post(token, "/api/v1/time-entries", body));
    }

    /** The entry once the read model shows it at the version. */
    Map<String, Object> entry(String token, UUID entryId, long version) {
        return read(token, "/api/v1/time-entries/" + entryId + "?minVersion=" + version);
    }

    /** A JSON object read with 200. */
    @SuppressWarnings("unchecked")
    Map<String, Object> read(String token, String path) {
        return api.get(token, path).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec action(String token, String path, Object body, String ifMatch) {
        WebTestClient.RequestBodySpec request = web.post().uri(path)
                .headers(headers -> headers.setBearerAuth(token));
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    UUID created(WebTestClient.RequestHeadersSpec<?> request) {
        Map<?, ?> written = request.exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    /** Items of a list page. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items(String token, String path) {
        return (List<Map<String, Object>>) read(token, path).get("items");
    }

    /** Waits until a list shows what the test expects (lists have no minVersion). */
    List<Map<String, Object>> itemsOnceThere(String token, String path, int count) {
        AtomicReference<List<Map<String, Object>>> found = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            found.set(items(token, path));
            return found.get().size() == count;
        });
        assertThat(found.get()).hasSize(count);
        return found.get();
    }

}
