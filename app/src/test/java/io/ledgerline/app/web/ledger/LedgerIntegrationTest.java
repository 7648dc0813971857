package io.ledgerline.app.web.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class LedgerIntegrationTest extends IntegrationTest {

    private record Work(UUID projectId, UUID internalProjectId) {
    }

    private Work work(Api.Org org) {
        UUID clientId = id(api.post(org.token(), "/api/v1/clients", Map.of("name", "Acme " + UUID.randomUUID(),
                "code", "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase())));
        UUID projectId = id(api.post(org.token(), "/api/v1/projects", Map.of("clientId", clientId.toString(),
                "name", "Website", "billingMethod", "hourly", "hourlyRate", 100)));
        UUID internal = id(api.post(org.token(), "/api/v1/projects", Map.of("clientId", clientId.toString(),
                "name", "Internal", "billingMethod", "non_billable")));
        return new Work(projectId, internal);
    }

    private UUID id(org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> request) {
        Map<?, ?> written = request.exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }

    private UUID log(String token, UUID projectId, String date, int minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectId", projectId.toString());
        body.put("date", date);
        body.put("minutes", minutes);
        UUID entryId = id(api.post(token, "/api/v1/time-entries", body));
        api.get(token, "/api/v1/time-entries/" + entryId + "?minVersion=0").exchange().expectStatus().isOk();
        return entryId;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String token, String path) {
        return api.get(token, path).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    // the ledger view

    @Test
    void aWeekShowsEveryDayWithItsEntriesAndTotals() {
        Api.Org org = api.signUp();
        Work work = work(org);
        UUID tuesday = log(org.token(), work.projectId(), "2026-03-03", 90);
        UUID tuesdayInternal = log(org.token(), work.internalProjectId(), "2026-03-03", 30);
        UUID sunday = log(org.token(), work.projectId(), "2026-03-08", 60);
        log(org.token(), work.projectId(), "2026-03-09", 15);
        Map<String, Object> week = read(org.token(), "/api/v1/ledger?view=week&date=2026-03-05");
        assertThat(week.get("view")).isEqualTo("week");
        assertThat(week.get("from")).isEqualTo("2026-03-02");
        assertThat(week.get("to")).isEqualTo("2026-03-08");
        assertThat(week.get("memberId")).isEqualTo(org.ownerId().toString());
        assertThat(week.get("billableMinutes")).isEqualTo(150);
        assertThat(week.get("nonBillableMinutes")).isEqualTo(30);
        List<Map<String, Object>> days = days(week);
        assertThat(days).extracting(day -> day.get("date")).containsExactly("2026-03-02", "2026-03-03",
                "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08");
        assertThat(days.get(0).get("entries")).isEqualTo(List.of());
        assertThat(days.get(0).get("billableMinutes")).isEqualTo(0);
        assertThat(days.get(1).get("billableMinutes")).isEqualTo(90);
        assertThat(days.get(1).get("nonBillableMinutes")).isEqualTo(30);
        assertThat(entryIds(days.get(1))).containsExactlyInAnyOrder(tuesday.toString(), tuesdayInternal.toString());
        assertThat(entryIds(days.get(6))).containsExactly(sunday.toString());

        Map<String, Object> day = read(org.token(), "/api/v1/ledger?view=day&date=2026-03-03");
        assertThat(day.get("from")).isEqualTo("2026-03-03");
        assertThat(day.get("to")).isEqualTo("2026-03-03");
        assertThat(days(day)).hasSize(1);
        assertThat(day.get("billableMinutes")).isEqualTo(90);
    }

    @Test
    void theDefaultIsThisWeekWhereTheOrganizationWorks() {
        Api.Org org = api.signUp();
        Map<String, Object> week = read(org.token(), "/api/v1/ledger");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        assertThat(week.get("view")).isEqualTo("week");
        assertThat(LocalDate.parse((String) week.get("from"))).isBeforeOrEqualTo(today);
        assertThat(LocalDate.parse((String) week.get("to"))).isAfterOrEqualTo(today);
        assertThat(days(week)).hasSize(7);
    }

    @Test
    void aMemberSeesTheirOwnLedgerAndAManagerAnyones() {
        Api.Org org = api.signUp();
        Work work = work(org);
        Api.Session member = api.member(org, "member");
        Api.Session manager = api.member(org, "manager");
        log(member.token(), work.projectId(), "2026-03-03", 45);
        assertThat(read(manager.token(), "/api/v1/ledger?date=2026-03-03&memberId=" + member.memberId())
                .get("billableMinutes")).isEqualTo(45);
        assertThat(read(member.token(), "/api/v1/ledger?date=2026-03-03").get("billableMinutes")).isEqualTo(45);
        assertThat(read(manager.token(), "/api/v1/ledger?date=2026-03-03").get("billableMinutes")).isEqualTo(0);
        api.get(member.token(), "/api/v1/ledger?memberId=" + manager.memberId()).exchange()
                .expectStatus().isForbidden();
        Api.Org other = api.signUp();
        assertThat(read(other.token(), "/api/v1/ledger?date=2026-03-03&memberId=" + member.memberId())
                .get("billableMinutes")).isEqualTo(0);
        api.get(null, "/api/v1/ledger").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badLedgerParametersAreRejectedByName() {
        Api.Org org = api.signUp();
        for (String[] bad : new String[][] {{"view=month", "view"}, {"date=today", "date"},
                {"memberId=me", "memberId"}, {"limit=5", "limit"}}) {
            api.get(org.token(), "/api/v1/ledger?" + bad[0]).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(bad[1]);
        }
    }

    // the lock

    @Test
    void lockingTheLedgerStopsTimeOnAndBeforeTheDate() {
        Api.Org org = api.signUp();
        Work work = work(org);
        UUID before = log(org.token(), work.projectId(), "2026-03-31", 60);
        api.get(org.token(), "/api/v1/ledger/lock").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody().jsonPath("$.lockedThrough").doesNotExist();
        api.put(org.token(), "/api/v1/ledger/lock", Map.of("through", "2026-03-31", "reason", "March is closed"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.id").isEqualTo(org.orgId().toString());
        Map<String, Object> lock = read(org.token(), "/api/v1/ledger/lock?minVersion=1");
        assertThat(lock.get("lockedThrough")).isEqualTo("2026-03-31");
        assertThat(lock.get("reason")).isEqualTo("March is closed");
        assertThat(lock).containsKey("changedAt");
        // The lock moves the organization's version: its ETag and If-Match stay in step.
        api.get(org.token(), "/api/v1/organization?minVersion=1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");

        Map<String, Object> body = new HashMap<>(Map.of("projectId", work.projectId().toString(),
                "date", "2026-03-31", "minutes", 30));
        api.post(org.token(), "/api/v1/time-entries", body).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("ledger.locked");
        body.put("date", "2026-04-01");
        api.post(org.token(), "/api/v1/time-entries", body).exchange().expectStatus().isCreated();
        assertThat(read(org.token(), "/api/v1/time-entries/" + before).get("locked")).isEqualTo(true);
        api.patch(org.token(), "/api/v1/time-entries/" + before, Map.of("minutes", 30)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.locked");

        api.post(org.token(), "/api/v1/time-entries/" + before + "/unlock", Map.of("reason", "Typo")).exchange()
                .expectStatus().isOk();
        api.delete(org.token(), "/api/v1/time-entries/" + before).exchange().expectStatus().isOk();
    }

    @Test
    void movingTheLockBackOrLiftingItUnlocks() {
        Api.Org org = api.signUp();
        Work work = work(org);
        api.put(org.token(), "/api/v1/ledger/lock", Map.of("through", "2026-03-31", "reason", "March")).exchange()
                .expectStatus().isOk();
        api.put(org.token(), "/api/v1/ledger/lock", Map.of("through", "2026-03-31", "reason", "Again")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        api.put(org.token(), "/api/v1/ledger/lock", Map.of("through", "2026-02-28", "reason", "Fix March")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        assertThat(read(org.token(), "/api/v1/ledger/lock?minVersion=2").get("lockedThrough"))
                .isEqualTo("2026-02-28");
        log(org.token(), work.projectId(), "2026-03-15", 30);
        // Raw JSON: the test client's own JSON settings would drop the null that lifts the lock.
        web.put().uri("/api/v1/ledger/lock")
                .headers(headers -> headers.setBearerAuth(org.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"through\": null, \"reason\": \"Audit done\"}")
                .exchange()
                .expectStatus().isOk();
        Map<String, Object> lock = read(org.token(), "/api/v1/ledger/lock?minVersion=3");
        assertThat(lock).doesNotContainKey("lockedThrough");
        assertThat(lock.get("reason")).isEqualTo("Audit done");
        api.get(org.token(), "/api/v1/audit/organizations/" + org.orgId() + "/events").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[1].type").isEqualTo("LedgerLocked")
                .jsonPath("$.items[2].type").isEqualTo("LedgerUnlocked")
                .jsonPath("$.items[2].payload.previousThrough").isEqualTo("2026-03-31")
                .jsonPath("$.items[2].payload.reason").isEqualTo("Fix March");
    }

    @Test
    void lockingNeedsTheLockPermissionAReasonAndAFreshVersion() {
        Api.Org org = api.signUp();
        Api.Session manager = api.member(org, "manager");
        Api.Session member = api.member(org, "member");
        api.get(member.token(), "/api/v1/ledger/lock").exchange().expectStatus().isOk();
        api.put(manager.token(), "/api/v1/ledger/lock", Map.of("through", "2026-03-31", "reason", "x")).exchange()
                .expectStatus().isForbidden();
        api.put(org.token(), "/api/v1/ledger/lock", Map.of("through", "2026-03-31")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        api.put(org.token(), "/api/v1/ledger/lock", Map.of("through", "March", "reason", "x")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("through");
        web.put().uri("/api/v1/ledger/lock")
                .headers(headers -> headers.setBearerAuth(org.token()))
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .bodyValue(Map.of("through", "2026-03-31", "reason", "March"))
                .exchange()
                .expectStatus().isOk();
        web.put().uri("/api/v1/ledger/lock")
                .headers(headers -> headers.setBearerAuth(org.token()))
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .bodyValue(Map.of("through", "2026-04-30", "reason", "April"))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        api.put(null, "/api/v1/ledger/lock", Map.of("through", "2026-03-31", "reason", "x")).exchange()
                .expectStatus().isUnauthorized();
        api.get(null, "/api/v1/ledger/lock").exchange().expectStatus().isUnauthorized();
        // Each organization locks its own ledger.
        Api.Org other = api.signUp();
        assertThat(read(other.token(), "/api/v1/ledger/lock?minVersion=0")).doesNotContainKey("lockedThrough");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> days(Map<String, Object> ledger) {
        return (List<Map<String, Object>>) ledger.get("days");
    }

    @SuppressWarnings("unchecked")
    private static List<String> entryIds(Map<String, Object> day) {
        return ((List<Map<String, Object>>) day.get("entries")).stream().map(entry -> (String) entry.get("id"))
                .toList();
    }
}
