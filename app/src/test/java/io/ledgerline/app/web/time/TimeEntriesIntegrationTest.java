package io.ledgerline.app.web.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class TimeEntriesIntegrationTest extends IntegrationTest {

    private Ledger ledger;

    @BeforeEach
    void ledger() {
        ledger = new Ledger(api, web);
    }

    // logging and reading

    @Test
    void logsTimeAndReadsItAtItsVersion() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Map<String, Object> body = Ledger.entry(work, "2026-03-04", 90);
        body.put("jiraIssueKey", "WEB-42");
        Map<?, ?> written = api.post(org.token(), "/api/v1/time-entries", body).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .startsWith("/api/v1/time-entries/"))
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) written.get("id");
        api.get(org.token(), "/api/v1/time-entries/" + id + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.memberId").isEqualTo(org.ownerId().toString())
                .jsonPath("$.memberName").isEqualTo("Olivia Owner")
                .jsonPath("$.projectId").isEqualTo(work.projectId().toString())
                .jsonPath("$.projectName").isNotEmpty()
                .jsonPath("$.taskName").isEqualTo("Design")
                .jsonPath("$.clientId").isEqualTo(work.clientId().toString())
                .jsonPath("$.clientName").isNotEmpty()
                .jsonPath("$.date").isEqualTo("2026-03-04")
                .jsonPath("$.weekStart").isEqualTo("2026-03-02")
                .jsonPath("$.minutes").isEqualTo(90)
                .jsonPath("$.startTime").doesNotExist()
                .jsonPath("$.billable").isEqualTo(true)
                .jsonPath("$.description").isEqualTo("Design review")
                .jsonPath("$.jiraIssueKey").isEqualTo("WEB-42")
                .jsonPath("$.source.type").isEqualTo("manual")
                .jsonPath("$.status").isEqualTo("open")
                .jsonPath("$.locked").isEqualTo(false)
                .jsonPath("$.unlocked").isEqualTo(false)
                .jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void startAndEndTimesGiveTheMinutesAndTheSourceIsKept() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Map<String, Object> body = Ledger.entry(work, "2026-03-04", 0);
        body.remove("minutes");
        body.put("startTime", "09:15");
        body.put("endTime", "11:00");
        body.put("source", Map.of("type", "calendar", "externalId", "AAMkAGI2TG93AAA="));
        UUID id = ledger.log(org.token(), body);
        Map<String, Object> entry = ledger.entry(org.token(), id, 0);
        assertThat(entry.get("minutes")).isEqualTo(105);
        assertThat((String) entry.get("startTime")).startsWith("09:15");
        assertThat((String) entry.get("endTime")).startsWith("11:00");
        assertThat(entry.get("source")).isEqualTo(Map.of("type", "calendar", "externalId", "AAMkAGI2TG93AAA="));
    }

    @Test
    void aNonBillableProjectsTimeIsNotBilledByDefaultAndCannotBe() {
        Api.Org org = api.signUp();
        Ledger.Work internal = ledger.work(org, "non_billable");
        UUID id = ledger.log(org.token(), Ledger.entry(internal, "2026-03-04", 30));
        assertThat(ledger.entry(org.token(), id, 0).get("billable")).isEqualTo(false);
        Map<String, Object> billed = Ledger.entry(internal, "2026-03-04", 30);
        billed.put("billable", true);
        api.post(org.token(), "/api/v1/time-entries", billed).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.project_not_billable");
    }

    @Test
    void invalidFieldsAreRejectedByName() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        api.post(org.token(), "/api/v1/time-entries", Map.of("minutes", 30)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation.failed")
                .jsonPath("$.errors[?(@.field == 'projectId')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'date')].code").isEqualTo("required");
        Map<String, Object> bad = Ledger.entry(work, "2026-03-04", 30);
        bad.put("jiraIssueKey", "web-42");
        bad.put("description", "x".repeat(2001));
        bad.put("source", Map.of("type", "calendar", "externalId", "x".repeat(201)));
        api.post(org.token(), "/api/v1/time-entries", bad).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'jiraIssueKey')].code").isEqualTo("pattern")
                .jsonPath("$.errors[?(@.field == 'description')].code").isEqualTo("size")
                .jsonPath("$.errors[?(@.field == 'source.externalId')].code").isEqualTo("size");
        Map<String, Object> timer = Ledger.entry(work, "2026-03-04", 30);
        timer.put("source", Map.of("type", "timer"));
        api.post(org.token(), "/api/v1/time-entries", timer).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("source.type");
        Map<String, Object> unknownSource = Ledger.entry(work, "2026-03-04", 30);
        unknownSource.put("source", Map.of("type", "fax"));
        api.post(org.token(), "/api/v1/time-entries", unknownSource).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("source.type");
        Map<String, Object> badDate = Ledger.entry(work, "2026-02-30", 30);
        api.post(org.token(), "/api/v1/time-entries", badDate).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        Map<String, Object> badTime = Ledger.entry(work, "2026-03-04", 30);
        badTime.put("startTime", "25:00");
        api.post(org.token(), "/api/v1/time-entries", badTime).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("startTime");
        api.postRaw(org.token(), "/api/v1/time-entries", "{\"hours\": 2}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.unknown_field");
        api.postRaw(org.token(), "/api/v1/time-entries", "{\"minutes\": ").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.malformed_json");
    }

    @Test
    void businessRulesOnLoggingAreUnprocessable() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        expectRefused(org, Ledger.entry(work, "2026-03-04", 0), 422, "time_entry.duration_not_positive");
        expectRefused(org, Ledger.entry(work, "2026-03-04", -15), 422, "time_entry.duration_not_positive");
        expectRefused(org, Ledger.entry(work, "2026-03-04", 1441), 422, "time_entry.too_long");
        Map<String, Object> backwards = Ledger.entry(work, "2026-03-04", 0);
        backwards.remove("minutes");
        backwards.put("startTime", "11:00");
        backwards.put("endTime", "10:00");
        expectRefused(org, backwards, 422, "time_entry.end_not_after_start");
        Map<String, Object> disagreeing = Ledger.entry(work, "2026-03-04", 30);
        disagreeing.put("startTime", "10:00");
        disagreeing.put("endTime", "11:00");
        expectRefused(org, disagreeing, 422, "time_entry.minutes_disagree");
        Map<String, Object> unknownProject = Ledger.entry(work, "2026-03-04", 30);
        unknownProject.put("projectId", UUID.randomUUID().toString());
        unknownProject.remove("taskId");
        expectRefused(org, unknownProject, 404, "project.not_found");
        Map<String, Object> otherTask = Ledger.entry(work, "2026-03-04", 30);
        otherTask.put("taskId", UUID.randomUUID().toString());
        expectRefused(org, otherTask, 404, "task.not_found");
    }

    @Test
    void anArchivedProjectOrAnInactiveClientTakesNoTime() {
        Api.Org org = api.signUp();
        Ledger.Work archived = ledger.work(org);
        api.post(org.token(), "/api/v1/projects/" + archived.projectId() + "/archive", Map.of()).exchange()
                .expectStatus().isOk();
        expectRefused(org, Ledger.entry(archived, "2026-03-04", 30), 422, "project.archived");
        Ledger.Work dormant = ledger.work(org);
        api.post(org.token(), "/api/v1/projects/" + dormant.projectId() + "/complete", Map.of()).exchange()
                .expectStatus().isOk();
        api.post(org.token(), "/api/v1/clients/" + dormant.clientId() + "/deactivate", Map.of()).exchange()
                .expectStatus().isOk();
        expectRefused(org, Ledger.entry(dormant, "2026-03-04", 30), 422, "client.inactive");
    }

    @Test
    void aDayHoldsAtMost24HoursPerMember() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        ledger.log(org.token(), Ledger.entry(work, "2026-03-04", 1000));
        ledger.log(org.token(), Ledger.entry(work, "2026-03-04", 440));
        expectRefused(org, Ledger.entry(work, "2026-03-04", 1), 422, "time_entry.day_over_24h");
        ledger.log(org.token(), Ledger.entry(work, "2026-03-05", 1));
        Api.Session colleague = api.member(org, "member");
        ledger.log(colleague.token(), Ledger.entry(work, "2026-03-04", 60));
    }

    @Test
    void ofTwoConcurrentEntriesThatTogetherPass24HoursOneIsRefused() throws Exception {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(CompletableFuture.supplyAsync(() -> api.post(org.token(), "/api/v1/time-entries",
                            Ledger.entry(work, "2026-03-04", 500)).exchange()
                    .expectBody().returnResult().getStatus().value()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> racer : racers) {
            statuses.add(racer.get(30, TimeUnit.SECONDS));
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 201, 422, 422);
    }

    // changing and deleting

    @Test
    void aPatchChangesOnlyWhatItNames() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Map<String, Object> body = Ledger.entry(work, "2026-03-04", 0);
        body.remove("minutes");
        body.put("startTime", "09:00");
        body.put("endTime", "10:00");
        body.put("jiraIssueKey", "WEB-1");
        UUID id = ledger.log(org.token(), body);
        api.patch(org.token(), "/api/v1/time-entries/" + id, Map.of("endTime", "10:30"), "\"0\"").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.version").isEqualTo(1);
        Map<String, Object> entry = ledger.entry(org.token(), id, 1);
        assertThat(entry.get("minutes")).isEqualTo(90);
        assertThat(entry.get("jiraIssueKey")).isEqualTo("WEB-1");
        // Minutes alone make the entry duration-only; null clears the description and the Jira issue key.
        api.patchRaw(org.token(), "/api/v1/time-entries/" + id,
                        "{\"minutes\": 45, \"description\": null, \"jiraIssueKey\": null}").exchange()
                .expectStatus().isOk();
        entry = ledger.entry(org.token(), id, 2);
        assertThat(entry.get("minutes")).isEqualTo(45);
        assertThat(entry).doesNotContainKeys("startTime", "endTime", "description", "jiraIssueKey");
        assertThat(entry.get("taskId")).isEqualTo(work.taskId().toString());
        // Another project drops the task, and billable goes back to that project's default.
        Ledger.Work internal = ledger.work(org, "non_billable");
        api.patch(org.token(), "/api/v1/time-entries/" + id, Map.of("projectId", internal.projectId().toString()))
                .exchange()
                .expectStatus().isOk();
        entry = ledger.entry(org.token(), id, 3);
        assertThat(entry.get("projectId")).isEqualTo(internal.projectId().toString());
        assertThat(entry).doesNotContainKey("taskId");
        assertThat(entry.get("billable")).isEqualTo(false);
        assertThat(entry.get("clientId")).isEqualTo(internal.clientId().toString());
    }

    @Test
    void invalidPatchesAreRejected() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        UUID id = ledger.log(org.token(), Ledger.entry(work, "2026-03-04", 30));
        api.patchRaw(org.token(), "/api/v1/time-entries/" + id, "{\"date\": null}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        api.patch(org.token(), "/api/v1/time-entries/" + id, Map.of()).exchange()
                .expectStatus().isBadRequest();
        api.patch(org.token(), "/api/v1/time-entries/" + id, Map.of("jiraIssueKey", "nope")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("jiraIssueKey");
        api.patchRaw(org.token(), "/api/v1/time-entries/" + id, "{\"memberId\": \"" + UUID.randomUUID() + "\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.unknown_field");
        api.patch(org.token(), "/api/v1/time-entries/" + id, Map.of("minutes", 0)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.duration_not_positive");
        api.patch(org.token(), "/api/v1/time-entries/" + id, Map.of("minutes", 5), "5x").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        UUID id = ledger.log(org.token(), Ledger.entry(work, "2026-03-04", 30));
        api.patch(org.token(), "/api/v1/time-entries/" + id, Map.of("minutes", 40), "\"0\"").exchange()
                .expectStatus().isOk();
        api.patch(org.token(), "/api/v1/time-entries/" + id, Map.of("minutes", 50), "\"0\"").exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        api.delete(org.token(), "/api/v1/time-entries/" + id, "\"0\"").exchange()
                .expectStatus().isEqualTo(412);
    }

    @Test
    void deletesAnEntry() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        UUID id = ledger.log(org.token(), Ledger.entry(work, "2026-03-04", 1440));
        api.delete(org.token(), "/api/v1/time-entries/" + id, "\"0\"").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get(org.token(), "/api/v1/time-entries/" + id).exchange()
                        .expectBody().returnResult().getStatus().value() == 404);
        api.delete(org.token(), "/api/v1/time-entries/" + id).exchange().expectStatus().isNotFound();
        // The day's 24 hours are free again.
        ledger.log(org.token(), Ledger.entry(work, "2026-03-04", 1440));
    }

    // access

    @Test
    void withoutATokenNothingIsReadOrChanged() {
        UUID id = UUID.randomUUID();
        api.get(null, "/api/v1/time-entries").exchange().expectStatus().isUnauthorized();
        api.get(null, "/api/v1/time-entries/" + id).exchange().expectStatus().isUnauthorized();
        api.post(null, "/api/v1/time-entries", Map.of()).exchange().expectStatus().isUnauthorized();
        api.patch(null, "/api/v1/time-entries/" + id, Map.of("minutes", 5)).exchange()
                .expectStatus().isUnauthorized();
        api.delete(null, "/api/v1/time-entries/" + id).exchange().expectStatus().isUnauthorized();
        api.post(null, "/api/v1/time-entries/" + id + "/unlock", Map.of("reason", "x")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aMemberKeepsTheirOwnTimeOnly() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Api.Session member = api.member(org, "member");
        Api.Session colleague = api.member(org, "member");
        UUID theirs = ledger.log(colleague.token(), Ledger.entry(work, "2026-03-04", 30));
        ledger.entry(colleague.token(), theirs, 0);
        UUID own = ledger.log(member.token(), Ledger.entry(work, "2026-03-04", 30));
        ledger.entry(member.token(), own, 0);

        api.get(member.token(), "/api/v1/time-entries/" + theirs).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.not_found");
        api.patch(member.token(), "/api/v1/time-entries/" + theirs, Map.of("minutes", 5)).exchange()
                .expectStatus().isNotFound();
        api.delete(member.token(), "/api/v1/time-entries/" + theirs).exchange().expectStatus().isNotFound();
        assertThat(ledger.items(member.token(), "/api/v1/time-entries"))
                .extracting(item -> (String) item.get("id")).containsExactly(own.toString());
        api.get(member.token(), "/api/v1/time-entries?memberId=" + colleague.memberId()).exchange()
                .expectStatus().isForbidden();
        Map<String, Object> forColleague = Ledger.entry(work, "2026-03-04", 30);
        forColleague.put("memberId", colleague.memberId().toString());
        api.post(member.token(), "/api/v1/time-entries", forColleague).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        api.post(member.token(), "/api/v1/time-entries/" + own + "/unlock", Map.of("reason", "x")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aManagerLogsAndChangesAMembersTime() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Api.Session manager = api.member(org, "manager");
        Api.Session member = api.member(org, "member");
        Map<String, Object> body = Ledger.entry(work, "2026-03-04", 30);
        body.put("memberId", member.memberId().toString());
        UUID id = ledger.log(manager.token(), body);
        assertThat(ledger.entry(member.token(), id, 0).get("memberId")).isEqualTo(member.memberId().toString());
        api.patch(manager.token(), "/api/v1/time-entries/" + id, Map.of("minutes", 45)).exchange()
                .expectStatus().isOk();
        Map<String, Object> stranger = Ledger.entry(work, "2026-03-04", 30);
        stranger.put("memberId", UUID.randomUUID().toString());
        expectRefused(org, stranger, 404, "member.not_found");
    }

    @Test
    void anAccountantReadsTimeButLogsNone() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        UUID id = ledger.log(org.token(), Ledger.entry(work, "2026-03-04", 30));
        Api.Session accountant = api.member(org, "accountant");
        ledger.entry(accountant.token(), id, 0);
        api.post(accountant.token(), "/api/v1/time-entries", Ledger.entry(work, "2026-03-04", 30)).exchange()
                .expectStatus().isForbidden();
        api.patch(accountant.token(), "/api/v1/time-entries/" + id, Map.of("minutes", 5)).exchange()
                .expectStatus().isForbidden();
        api.delete(accountant.token(), "/api/v1/time-entries/" + id).exchange().expectStatus().isForbidden();
    }

    @Test
    void anotherOrganizationsEntryIsNotFound() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        Ledger.Work work = ledger.work(org);
        UUID id = ledger.log(org.token(), Ledger.entry(work, "2026-03-04", 30));
        ledger.entry(org.token(), id, 0);
        api.get(other.token(), "/api/v1/time-entries/" + id).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.not_found");
        api.patch(other.token(), "/api/v1/time-entries/" + id, Map.of("minutes", 5)).exchange()
                .expectStatus().isNotFound();
        api.delete(other.token(), "/api/v1/time-entries/" + id).exchange().expectStatus().isNotFound();
        api.post(other.token(), "/api/v1/time-entries/" + id + "/unlock", Map.of("reason", "x")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.not_found");
        assertThat(ledger.items(other.token(), "/api/v1/time-entries")).isEmpty();
        // Nor can its projects take the other organization's time.
        expectRefused(other, Ledger.entry(work, "2026-03-04", 30), 404, "project.not_found");
    }

    // idempotency

    @Test
    void aRepeatedLogReplaysTheFirstAnswer() {
        Api.Org org = api.signUp();
        Map<String, Object> body = Ledger.entry(ledger.work(org), "2026-03-04", 30);
        String key = "log-" + UUID.randomUUID();
        Map<?, ?> first = api.post(org.token(), "/api/v1/time-entries", body, key).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Api.replay(() -> api.post(org.token(), "/api/v1/time-entries", body, key))
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/time-entries/" + first.get("id"))
                .expectBody().jsonPath("$.id").isEqualTo(first.get("id"));
        body.put("minutes", 31);
        api.post(org.token(), "/api/v1/time-entries", body, key).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");
        ledger.itemsOnceThere(org.token(), "/api/v1/time-entries", 1);
    }

    // lists

    @Test
    void listsFilterAndPage() {
        Api.Org org = api.signUp();
        Ledger.Work acme = ledger.work(org);
        Ledger.Work internal = ledger.work(org, "non_billable");
        Api.Session member = api.member(org, "member");
        UUID first = ledger.log(org.token(), Ledger.entry(acme, "2026-03-02", 30));
        UUID second = ledger.log(org.token(), Ledger.entry(acme, "2026-03-03", 30));
        UUID third = ledger.log(org.token(), Ledger.entry(internal, "2026-03-04", 30));
        UUID members = ledger.log(member.token(), Ledger.entry(acme, "2026-03-05", 30));
        List<Map<String, Object>> all = ledger.itemsOnceThere(org.token(), "/api/v1/time-entries", 4);
        assertThat(all).extracting(item -> (String) item.get("id"))
                .containsExactly(members.toString(), third.toString(), second.toString(), first.toString());
        assertThat(ids(org, "?memberId=" + member.memberId())).containsExactly(members.toString());
        assertThat(ids(org, "?projectId=" + internal.projectId())).containsExactly(third.toString());
        assertThat(ids(org, "?clientId=" + acme.clientId()))
                .containsExactly(members.toString(), second.toString(), first.toString());
        assertThat(ids(org, "?billable=false")).containsExactly(third.toString());
        assertThat(ids(org, "?from=2026-03-03&to=2026-03-04")).containsExactly(third.toString(), second.toString());
        assertThat(ids(org, "?status=open")).hasSize(4);
        assertThat(ids(org, "?status=approved")).isEmpty();

        Map<?, ?> page = api.get(org.token(), "/api/v1/time-entries?limit=3").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) page.get("items")).hasSize(3);
        assertThat(ids(org, "?limit=3&cursor=" + page.get("nextCursor"))).containsExactly(first.toString());
    }

    @Test
    void badListParametersAreRejectedByName() {
        Api.Org org = api.signUp();
        expectBadParameter(org, "?status=draft", "status");
        expectBadParameter(org, "?from=yesterday", "from");
        expectBadParameter(org, "?from=2026-03-05&to=2026-03-04", "to");
        expectBadParameter(org, "?memberId=me", "memberId");
        expectBadParameter(org, "?billable=maybe", "billable");
        expectBadParameter(org, "?limit=501", "limit");
        expectBadParameter(org, "?cursor=nonsense", "cursor");
        expectBadParameter(org, "?colour=red", "colour");
        api.get(org.token(), "/api/v1/time-entries/" + UUID.randomUUID() + "?minVersion=x").exchange()
                .expectStatus().isBadRequest();
    }

    private List<String> ids(Api.Org org, String query) {
        return ledger.items(org.token(), "/api/v1/time-entries" + query).stream()
                .map(item -> (String) item.get("id")).toList();
    }

    private void expectBadParameter(Api.Org org, String query, String field) {
        api.expectBadParameter(org.token(), "/api/v1/time-entries" + query, field);
    }

    private void expectRefused(Api.Org org, Map<String, Object> body, int status, String code) {
        api.post(org.token(), "/api/v1/time-entries", body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }
}
