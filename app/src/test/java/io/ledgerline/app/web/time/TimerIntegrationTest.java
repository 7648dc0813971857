package io.ledgerline.app.web.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class TimerIntegrationTest extends IntegrationTest {

    private Ledger ledger;

    @BeforeEach
    void ledger() {
        ledger = new Ledger(api, web);
    }

    private static Map<String, Object> timer(Ledger.Work work) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectId", work.projectId().toString());
        body.put("taskId", work.taskId().toString());
        body.put("description", "Call with the client");
        body.put("jiraIssueKey", "WEB-7");
        return body;
    }

    private WebTestClient.ResponseSpec start(String token, Map<String, Object> body) {
        return api.post(token, "/api/v1/timer/start", body).exchange();
    }

    private WebTestClient.ResponseSpec stop(String token) {
        return api.post(token, "/api/v1/timer/stop", Map.of()).exchange();
    }

    /** Today where the test organizations work (Europe/Berlin), the date a timer started now logs on. */
    private static String today() {
        return LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
    }

    @Test
    void stoppingTheTimerLogsItsTimeOnTheDayItStarted() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Api.Session member = api.member(org, "member");
        api.get(member.token(), "/api/v1/timer").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.running").isEqualTo(false).jsonPath("$.version").doesNotExist();
        Map<?, ?> started = start(member.token(), timer(work))
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(started.get("loggedEntryId")).isNull();
        Map<String, Object> running = ledger.read(member.token(), "/api/v1/timer?minVersion=0");
        assertThat(running.get("id")).isEqualTo(started.get("id"));
        assertThat(running.get("running")).isEqualTo(true);
        assertThat(running.get("projectId")).isEqualTo(work.projectId().toString());
        assertThat(running.get("taskName")).isEqualTo("Design");
        assertThat(running.get("description")).isEqualTo("Call with the client");
        assertThat(running).containsKey("startedAt").doesNotContainKey("billable");

        Map<?, ?> logged = stop(member.token())
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .startsWith("/api/v1/time-entries/"))
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> entry = ledger.entry(member.token(), UUID.fromString((String) logged.get("id")), 0);
        assertThat(entry.get("minutes")).isEqualTo(1);
        assertThat(entry.get("date")).isEqualTo(today());
        assertThat(entry.get("source")).isEqualTo(Map.of("type", "timer"));
        assertThat(entry.get("memberId")).isEqualTo(member.memberId().toString());
        assertThat(entry.get("jiraIssueKey")).isEqualTo("WEB-7");
        assertThat(entry.get("billable")).isEqualTo(true);
        assertThat(ledger.read(member.token(), "/api/v1/timer?minVersion=1").get("running")).isEqualTo(false);
        stop(member.token()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("timer.not_running");
    }

    @Test
    void startingASecondTimerStopsTheFirstAndLogsIt() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Ledger.Work other = ledger.work(org, "non_billable");
        start(org.token(), timer(work)).expectStatus().isOk();
        Map<String, Object> second = new HashMap<>(Map.of("projectId", other.projectId().toString()));
        Map<?, ?> started = start(org.token(), second)
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(started.get("version")).isEqualTo(2);
        UUID first = UUID.fromString((String) started.get("loggedEntryId"));
        assertThat(ledger.entry(org.token(), first, 0).get("projectId")).isEqualTo(work.projectId().toString());
        Map<String, Object> running = ledger.read(org.token(), "/api/v1/timer?minVersion=2");
        assertThat(running.get("projectId")).isEqualTo(other.projectId().toString());
        assertThat(running).doesNotContainKey("taskId");
    }

    @Test
    void aDiscardedTimerLogsNothing() {
        Api.Org org = api.signUp();
        start(org.token(), timer(ledger.work(org))).expectStatus().isOk();
        api.delete(org.token(), "/api/v1/timer", "\"5\"").exchange().expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        api.delete(org.token(), "/api/v1/timer", "\"0\"").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        assertThat(ledger.read(org.token(), "/api/v1/timer?minVersion=1").get("running")).isEqualTo(false);
        api.delete(org.token(), "/api/v1/timer").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("timer.not_running");
        assertThat(ledger.items(org.token(), "/api/v1/time-entries")).isEmpty();
    }

    @Test
    void aTimerWhoseTimeCannotBeLoggedKeepsRunning() {
        Api.Org org = api.signUp();
        start(org.token(), timer(ledger.work(org))).expectStatus().isOk();
        api.put(org.token(), "/api/v1/ledger/lock", Map.of("through", today(), "reason", "Closing")).exchange()
                .expectStatus().isOk();
        stop(org.token()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("ledger.locked");
        assertThat(ledger.read(org.token(), "/api/v1/timer?minVersion=0").get("running")).isEqualTo(true);
        api.delete(org.token(), "/api/v1/timer").exchange().expectStatus().isOk();
    }

    @Test
    void aTimerRunsOnlyOnWorkThatTakesTime() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Map<String, Object> unknown = timer(work);
        unknown.put("projectId", UUID.randomUUID().toString());
        unknown.remove("taskId");
        start(org.token(), unknown).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("project.not_found");
        api.post(org.token(), "/api/v1/projects/" + work.projectId() + "/tasks/" + work.taskId() + "/deactivate",
                Map.of()).exchange().expectStatus().isOk();
        start(org.token(), timer(work)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("task.inactive");
        Api.Org other = api.signUp();
        Map<String, Object> theirs = timer(ledger.work(other));
        theirs.remove("taskId");
        start(org.token(), theirs).expectStatus().isNotFound();
    }

    @Test
    void invalidTimerBodiesAreRejectedByName() {
        Api.Org org = api.signUp();
        Map<String, Object> body = timer(ledger.work(org));
        body.remove("projectId");
        body.put("jiraIssueKey", "seven");
        start(org.token(), body).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'projectId')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'jiraIssueKey')].code").isEqualTo("pattern");
        api.postRaw(org.token(), "/api/v1/timer/start", "{\"projectId\": 7}").exchange()
                .expectStatus().isBadRequest();
        api.get(org.token(), "/api/v1/timer?minVersion=-1").exchange().expectStatus().isBadRequest();
    }

    @Test
    void theTimerNeedsATokenAndTheRightToLogTime() {
        api.get(null, "/api/v1/timer").exchange().expectStatus().isUnauthorized();
        api.post(null, "/api/v1/timer/start", Map.of()).exchange().expectStatus().isUnauthorized();
        api.post(null, "/api/v1/timer/stop", Map.of()).exchange().expectStatus().isUnauthorized();
        api.delete(null, "/api/v1/timer").exchange().expectStatus().isUnauthorized();
        Api.Org org = api.signUp();
        Api.Session accountant = api.member(org, "accountant");
        api.get(accountant.token(), "/api/v1/timer").exchange().expectStatus().isForbidden();
        start(accountant.token(), timer(ledger.work(org))).expectStatus().isForbidden();
        stop(accountant.token()).expectStatus().isForbidden();
        api.delete(accountant.token(), "/api/v1/timer").exchange().expectStatus().isForbidden();
    }

    @Test
    void eachMemberHasTheirOwnTimer() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Api.Session member = api.member(org, "member");
        start(org.token(), timer(work)).expectStatus().isOk();
        ledger.read(org.token(), "/api/v1/timer?minVersion=0");
        assertThat(ledger.read(member.token(), "/api/v1/timer").get("running")).isEqualTo(false);
        stop(member.token()).expectStatus().isEqualTo(409);
        Api.Org other = api.signUp();
        assertThat(ledger.read(other.token(), "/api/v1/timer").get("running")).isEqualTo(false);
    }

    @Test
    void aRepeatedStartOrStopReplaysTheFirstAnswer() {
        Api.Org org = api.signUp();
        Map<String, Object> body = timer(ledger.work(org));
        String key = "start-" + UUID.randomUUID();
        api.post(org.token(), "/api/v1/timer/start", body, key).exchange().expectStatus().isOk();
        Api.replay(() -> api.post(org.token(), "/api/v1/timer/start", body, key))
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.version").isEqualTo(0);
        String stopKey = "stop-" + UUID.randomUUID();
        Map<?, ?> logged = api.post(org.token(), "/api/v1/timer/stop", Map.of(), stopKey).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Api.replay(() -> api.post(org.token(), "/api/v1/timer/stop", Map.of(), stopKey))
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(logged.get("id"));
        List<Map<String, Object>> entries = ledger.itemsOnceThere(org.token(), "/api/v1/time-entries", 1);
        assertThat(entries.get(0).get("id")).isEqualTo(logged.get("id"));
    }
}
