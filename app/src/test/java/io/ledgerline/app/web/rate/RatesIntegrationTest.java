package io.ledgerline.app.web.rate;

import static io.ledgerline.app.web.rate.RateWork.amount;
import static io.ledgerline.app.web.rate.RateWork.rate;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

class RatesIntegrationTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private RateWork work;

    @BeforeEach
    void work() {
        work = new RateWork(api);
    }

    // scheduling and resolving

    @Test
    void theOrganizationsDefaultAppliesWhenNothingMoreSpecificIsSet() {
        Api.Org org = api.signUp();
        api.post(org.token(), "/api/v1/rates", rate("organization", null, 100, null)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.id").isEqualTo(UUID.nameUUIDFromBytes(("rates:" + org.orgId()).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)).toString())
                .jsonPath("$.version").isEqualTo(0);
        Map<String, Object> resolved = work.awaitRate(org, "date=2026-03-01", "100", "organization");
        assertThat(resolved.get("currency")).isEqualTo("EUR");
        assertThat(resolved.get("date")).isEqualTo("2026-03-01");
        assertThat(resolved).doesNotContainKey("effectiveFrom");
    }

    @Test
    void withoutAnyRateNothingResolves() {
        Api.Org org = api.signUp();
        Map<String, Object> resolved = work.resolve(org, "date=2026-03-01");
        assertThat(resolved).doesNotContainKeys("hourlyRate", "source");
        assertThat(resolved.get("currency")).isEqualTo("EUR");
    }

    @Test
    void theMostSpecificLevelWinsMemberThenTaskThenProjectThenClientThenOrganization() {
        Api.Org org = api.signUp();
        UUID clientId = work.client(org);
        UUID projectId = work.project(org, clientId, 120);
        UUID ownTask = work.task(org, projectId, 130);
        UUID plainTask = work.task(org, projectId, null);
        work.schedule(org, "organization", null, 100, null);
        work.schedule(org, "client", clientId, 110, null);
        work.schedule(org, "member", org.ownerId(), 150, null);
        String onProject = "projectId=" + projectId + "&date=2026-03-01";

        work.awaitRate(org, "memberId=" + org.ownerId() + "&taskId=" + ownTask + "&" + onProject, "150", "member");
        work.awaitRate(org, "taskId=" + ownTask + "&" + onProject, "130", "task");
        work.awaitRate(org, "taskId=" + plainTask + "&" + onProject, "120", "project");
        work.awaitRate(org, onProject, "120", "project");

        UUID otherProject = work.project(org, clientId, 90);
        api.patch(org.token(), "/api/v1/projects/" + otherProject,
                        Map.of("billingMethod", "fixed_fee", "hourlyRate", 90, "hourlyRateEffectiveFrom", "2026-01-01"))
                .exchange().expectStatus().isOk();
        // From 2026 the fixed-fee project has the rate 90 still; a rate card's null ends it for the project.
        work.schedule(org, "project", otherProject, null, "2026-02-01");
        work.awaitRate(org, "projectId=" + otherProject + "&date=2026-03-01", "110", "client");
        work.awaitRate(org, "projectId=" + otherProject + "&date=2026-01-15", "90", "project");
        work.awaitRate(org, "date=2026-03-01", "100", "organization");
    }

    @Test
    void aNullRateFallsThroughToTheNextLevelFromItsDate() {
        Api.Org org = api.signUp();
        UUID projectId = work.project(org, work.client(org), 120);
        UUID taskId = work.task(org, projectId, 130);
        work.schedule(org, "member", org.ownerId(), 150, null);
        work.schedule(org, "member", org.ownerId(), null, "2026-03-01");
        String base = "memberId=" + org.ownerId() + "&projectId=" + projectId + "&taskId=" + taskId;

        work.awaitRate(org, base + "&date=2026-02-28", "150", "member");
        Map<String, Object> resolved = work.awaitRate(org, base + "&date=2026-03-01", "130", "task");
        assertThat(resolved).doesNotContainKey("effectiveFrom");
    }

    @Test
    void aRateChangeAppliesFromItsDateAndEarlierWorkKeepsItsRate() {
        Api.Org org = api.signUp();
        work.schedule(org, "organization", null, 100, null);
        work.schedule(org, "organization", null, 105, "2026-04-01");
        work.schedule(org, "organization", null, 102, "2026-02-01");
        work.awaitRate(org, "date=2026-01-31", "100", "organization");
        Map<String, Object> february = work.awaitRate(org, "date=2026-03-31", "102", "organization");
        assertThat(february.get("effectiveFrom")).isEqualTo("2026-02-01");
        work.awaitRate(org, "date=2026-04-01", "105", "organization");
        // Scheduling the same date again replaces that point of the schedule.
        work.schedule(org, "organization", null, 106, "2026-04-01");
        work.awaitRate(org, "date=2026-04-01", "106", "organization");
    }

    @Test
    void aProjectRateChangedByPatchWithADateDoesNotRepriceEarlierDates() {
        Api.Org org = api.signUp();
        UUID projectId = work.project(org, work.client(org), 120);
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=0").exchange().expectStatus().isOk();
        api.patch(org.token(), "/api/v1/projects/" + projectId,
                        Map.of("hourlyRate", 200, "hourlyRateEffectiveFrom", "2026-03-01"), "\"0\"")
                .exchange()
                .expectStatus().isOk();
        String onProject = "projectId=" + projectId;

        Map<String, Object> before = work.awaitRate(org, onProject + "&date=2026-02-28", "120", "project");
        assertThat(before).doesNotContainKey("effectiveFrom");
        Map<String, Object> after = work.awaitRate(org, onProject + "&date=2026-03-01", "200", "project");
        assertThat(after.get("effectiveFrom")).isEqualTo("2026-03-01");

        // Editing anything else keeps the date the current rate applies from.
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=1").exchange().expectStatus().isOk();
        api.patch(org.token(), "/api/v1/projects/" + projectId, Map.of("name", "Renamed"), "\"1\"").exchange()
                .expectStatus().isOk();
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=2").exchange().expectStatus().isOk();
        work.awaitRate(org, onProject + "&date=2026-02-28", "120", "project");

        // Without a date the change applies from today in the organization's time zone: the past keeps its rate.
        api.patch(org.token(), "/api/v1/projects/" + projectId, Map.of("hourlyRate", 210), "\"2\"").exchange()
                .expectStatus().isOk();
        work.awaitRate(org, onProject + "&date=2100-01-01", "210", "project");
        work.awaitRate(org, onProject + "&date=2026-03-01", "200", "project");
        work.awaitRate(org, onProject + "&date=2026-02-28", "120", "project");
    }

    @Test
    void aBackdatedProjectRateReplacesTheProjectsLaterChanges() {
        Api.Org org = api.signUp();
        UUID projectId = work.project(org, work.client(org), 120);
        api.patch(org.token(), "/api/v1/projects/" + projectId,
                Map.of("hourlyRate", 200, "hourlyRateEffectiveFrom", "2026-03-01")).exchange().expectStatus().isOk();
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=1").exchange().expectStatus().isOk();
        api.patch(org.token(), "/api/v1/projects/" + projectId,
                Map.of("hourlyRate", 150, "hourlyRateEffectiveFrom", "2026-02-01")).exchange().expectStatus().isOk();
        work.awaitRate(org, "projectId=" + projectId + "&date=2026-06-01", "150", "project");
        work.awaitRate(org, "projectId=" + projectId + "&date=2026-01-31", "120", "project");
    }

    @Test
    void aTaskRateChangedByPatchAppliesFromItsDate() {
        Api.Org org = api.signUp();
        UUID projectId = work.project(org, work.client(org), 120);
        UUID taskId = work.task(org, projectId, null);
        String onTask = "projectId=" + projectId + "&taskId=" + taskId;
        work.awaitRate(org, onTask + "&date=2026-01-01", "120", "project");
        api.patch(org.token(), "/api/v1/projects/" + projectId + "/tasks/" + taskId,
                        Map.of("rateOverride", 140, "rateEffectiveFrom", "2026-05-01"))
                .exchange()
                .expectStatus().isOk();
        work.awaitRate(org, onTask + "&date=2026-05-01", "140", "task");
        work.awaitRate(org, onTask + "&date=2026-04-30", "120", "project");
    }

    @Test
    void ledgerRateResolvesPerRowInALateralJoin() {
        Api.Org org = api.signUp();
        UUID projectId = work.project(org, work.client(org), 120);
        work.schedule(org, "member", org.ownerId(), 150, "2026-03-01");
        String onProject = "memberId=" + org.ownerId() + "&projectId=" + projectId;
        work.awaitRate(org, onProject + "&date=2026-02-28", "120", "project");
        work.awaitRate(org, onProject + "&date=2026-03-01", "150", "member");
        List<Map<String, Object>> rows = jdbc.queryForList("""
                        SELECT day::date AS day, r.hourly_rate, r.source, r.effective_from
                        FROM generate_series(DATE '2026-02-27', DATE '2026-03-02', INTERVAL '1 day') AS day
                        CROSS JOIN LATERAL ledger_rate(?, ?, NULL, ?, NULL, day::date) AS r
                        ORDER BY day""",
                org.orgId(), org.ownerId(), projectId);
        assertThat(rows).extracting(row -> row.get("source"))
                .containsExactly("project", "project", "member", "member");
        assertThat(rows).extracting(row -> amount(row.get("hourly_rate")))
                .containsExactly(amount(120), amount(120), amount(150), amount(150));
        assertThat(rows.get(0).get("effective_from")).isNull();
        assertThat(rows.get(2).get("effective_from")).hasToString("2026-03-01");
    }

    // the schedule

    @Test
    void listsTheScheduleByLevelAndTargetLatestFirstAcrossPages() {
        Api.Org org = api.signUp();
        UUID clientId = work.client(org);
        UUID projectId = work.project(org, clientId, 120);
        work.schedule(org, "client", clientId, 110, null);
        work.schedule(org, "client", clientId, 115, "2026-02-01");
        long version = work.schedule(org, "organization", null, 100, null);
        assertThat(version).isEqualTo(2);

        List<Map<String, Object>> all = Awaitility.await().until(() -> allPages(org, ""), rows -> rows.size() == 4);
        assertThat(all).extracting(row -> row.get("level"))
                .containsExactly("client", "client", "organization", "project");
        assertThat(all.get(0).get("effectiveFrom")).isEqualTo("2026-02-01");
        assertThat(all.get(1)).doesNotContainKey("effectiveFrom");
        assertThat(all.get(2)).doesNotContainKey("targetId");
        assertThat(all.get(3).get("targetId")).isEqualTo(projectId.toString());
        assertThat(all.get(3).get("origin")).isEqualTo("project");
        assertThat(all.get(0).get("origin")).isEqualTo("rate_card");

        assertThat(allPages(org, "&level=client&targetId=" + clientId)).hasSize(2);
        assertThat(allPages(org, "&level=organization")).hasSize(1);
        assertThat(allPages(api.signUp(), "")).isEmpty();
    }

    /** Every page of the schedule, one row per page. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> allPages(Api.Org org, String filters) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<?, ?> page = api.get(org.token(), "/api/v1/rates?limit=1" + filters
                            + (cursor == null ? "" : "&cursor=" + cursor)).exchange()
                    .expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            for (Object item : (List<?>) page.get("items")) {
                rows.add(new java.util.HashMap<>((Map<String, Object>) item));
            }
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return rows;
    }

    // refusals

    @Test
    void invalidFieldsAreRejectedByName() {
        Api.Org org = api.signUp();
        api.post(org.token(), "/api/v1/rates", Map.of("hourlyRate", -1)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation.failed")
                .jsonPath("$.errors[?(@.field == 'level')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'hourlyRate')].code").isEqualTo("too_small");
        api.post(org.token(), "/api/v1/rates", rate("organization", null, new BigDecimal("10.12345"), null)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'hourlyRate')].code").isEqualTo("digits");
        api.post(org.token(), "/api/v1/rates", rate("department", null, 10, null)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("level");
        api.post(org.token(), "/api/v1/rates", rate("organization", null, 10, "2026-02-30")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("effectiveFrom");
        api.postRaw(org.token(), "/api/v1/rates", "{\"level\": ").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.malformed_json");
        api.get(org.token(), "/api/v1/rates?colour=red").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("colour");
        api.get(org.token(), "/api/v1/rates?level=department").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("level");
        api.get(org.token(), "/api/v1/rates?cursor=nonsense").exchange()
                .expectStatus().isBadRequest();
        api.get(org.token(), "/api/v1/rates/resolve?date=2026-13-01").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        api.get(org.token(), "/api/v1/rates/resolve?taskId=" + UUID.randomUUID()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("projectId");
        api.get(org.token(), "/api/v1/rates/resolve?limit=3").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void businessRulesAreUnprocessable() {
        Api.Org org = api.signUp();
        api.post(org.token(), "/api/v1/rates", rate("organization", UUID.randomUUID(), 10, null)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("rate.target_not_allowed");
        api.post(org.token(), "/api/v1/rates", rate("client", null, 10, null)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("rate.target_required");
    }

    @Test
    void aRateDateGoesWithTheRateItDates() {
        Api.Org org = api.signUp();
        UUID projectId = work.project(org, work.client(org), 120);
        UUID taskId = work.task(org, projectId, null);
        api.patch(org.token(), "/api/v1/projects/" + projectId, Map.of("hourlyRateEffectiveFrom", "2026-03-01"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("hourlyRateEffectiveFrom");
        api.patch(org.token(), "/api/v1/projects/" + projectId + "/tasks/" + taskId,
                        Map.of("name", "Design", "rateEffectiveFrom", "2026-03-01"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rateEffectiveFrom");
    }

    @Test
    void anotherOrganizationsTargetsAreNotFound() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID theirClient = work.client(other);
        UUID theirProject = work.project(other, theirClient, 99);
        UUID theirTask = work.task(other, theirProject, 88);
        api.post(org.token(), "/api/v1/rates", rate("client", theirClient, 10, null)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not_found");
        api.post(org.token(), "/api/v1/rates", rate("project", theirProject, 10, null)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("project.not_found");
        api.post(org.token(), "/api/v1/rates", rate("task", theirTask, 10, null)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("task.not_found");
        api.post(org.token(), "/api/v1/rates", rate("member", other.ownerId(), 10, null)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("member.not_found");
        work.awaitRate(other, "projectId=" + theirProject + "&taskId=" + theirTask, "88", "task");
        api.get(org.token(), "/api/v1/rates/resolve?projectId=" + theirProject).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("project.not_found");
        api.get(org.token(), "/api/v1/rates/resolve?memberId=" + other.ownerId()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("member.not_found");
        UUID ownProject = work.project(org, work.client(org), 50);
        Awaitility.await().untilAsserted(() -> api.get(org.token(),
                        "/api/v1/rates/resolve?projectId=" + ownProject + "&taskId=" + theirTask).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("task.not_found"));
        assertThat(allPages(org, "&level=task&targetId=" + theirTask)).isEmpty();
    }

    @Test
    void aStaleIfMatchIsRefused() {
        Api.Org org = api.signUp();
        work.schedule(org, "organization", null, 100, null);
        work.schedule(org, "organization", null, 110, "2026-01-01");
        web.post().uri("/api/v1/rates")
                .headers(headers -> headers.setBearerAuth(org.token()))
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .bodyValue(rate("organization", null, 120, "2026-02-01"))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        web.post().uri("/api/v1/rates")
                .headers(headers -> headers.setBearerAuth(org.token()))
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(rate("organization", null, 120, "2026-02-01"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
    }

    @Test
    void aReplayedIdempotencyKeyAnswersTheFirstResponse() {
        Api.Org org = api.signUp();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = rate("organization", null, 100, "2026-01-01");
        api.post(org.token(), "/api/v1/rates", body, key).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(0);
        work.schedule(org, "organization", null, 101, "2026-01-01");
        api.post(org.token(), "/api/v1/rates", body, key).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.version").isEqualTo(0);
        work.awaitRate(org, "date=2026-01-01", "101", "organization");
        api.post(org.token(), "/api/v1/rates", rate("organization", null, 102, "2026-01-01"), key).exchange()
                .expectStatus().isEqualTo(422);
    }

    @Test
    void withoutATokenEveryEndpointIsUnauthorized() {
        api.post(null, "/api/v1/rates", rate("organization", null, 1, null)).exchange()
                .expectStatus().isUnauthorized();
        api.get(null, "/api/v1/rates").exchange().expectStatus().isUnauthorized();
        api.get(null, "/api/v1/rates/resolve").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void ratesNeedTheirPermissions() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        Api.Session manager = api.member(org, "manager");
        api.post(member.token(), "/api/v1/rates", rate("organization", null, 1, null)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        api.get(member.token(), "/api/v1/rates").exchange().expectStatus().isForbidden();
        api.get(member.token(), "/api/v1/rates/resolve").exchange().expectStatus().isForbidden();
        api.post(manager.token(), "/api/v1/rates", rate("organization", null, 1, null)).exchange()
                .expectStatus().isForbidden();
        api.get(manager.token(), "/api/v1/rates").exchange().expectStatus().isOk();
        api.get(manager.token(), "/api/v1/rates/resolve").exchange().expectStatus().isOk();
    }
}
