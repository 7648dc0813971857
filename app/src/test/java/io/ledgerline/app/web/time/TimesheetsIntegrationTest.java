package io.ledgerline.app.web.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class TimesheetsIntegrationTest extends IntegrationTest {

    private static final String MONDAY = "2026-03-02";
    private static final String WEDNESDAY = "2026-03-04";

    private Ledger ledger;

    @BeforeEach
    void ledger() {
        ledger = new Ledger(api, web);
    }

    private String week(UUID memberId) {
        return "/api/v1/timesheets/" + memberId + "/" + MONDAY;
    }

    private WebTestClient.ResponseSpec submit(String token, UUID memberId) {
        return ledger.action(token, week(memberId) + "/submit", Map.of(), null);
    }

    private WebTestClient.ResponseSpec approve(String token, UUID memberId) {
        return ledger.action(token, week(memberId) + "/approve", Map.of(), null);
    }

    private WebTestClient.ResponseSpec reject(String token, UUID memberId, String reason) {
        return ledger.action(token, week(memberId) + "/reject", Map.of("reason", reason), null);
    }

    @Test
    void aSubmittedWeekWaitsForApprovalWithItsTotalsAndItsTimeCannotChange() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Api.Session member = api.member(org, "member");
        UUID entry = ledger.log(member.token(), Ledger.entry(work, WEDNESDAY, 90));
        Ledger.Work internal = ledger.work(org, "non_billable");
        UUID sunday = ledger.log(member.token(), Ledger.entry(internal, "2026-03-08", 30));
        ledger.entry(member.token(), entry, 0);
        ledger.entry(member.token(), sunday, 0);

        submit(member.token(), member.memberId()).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"");
        Map<String, Object> sheet = ledger.read(member.token(), week(member.memberId()) + "?minVersion=0");
        assertThat(sheet.get("status")).isEqualTo("submitted");
        assertThat(sheet.get("weekEnd")).isEqualTo("2026-03-08");
        assertThat(sheet.get("billableMinutes")).isEqualTo(90);
        assertThat(sheet.get("nonBillableMinutes")).isEqualTo(30);
        assertThat(sheet.get("entries")).isEqualTo(2);
        assertThat(sheet.get("submittedBy")).isEqualTo(member.memberId().toString());

        Map<String, Object> read = ledger.entry(member.token(), entry, 0);
        assertThat(read.get("status")).isEqualTo("submitted");
        assertThat(read.get("locked")).isEqualTo(true);
        api.patch(member.token(), "/api/v1/time-entries/" + entry, Map.of("minutes", 60)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.submitted");
        api.delete(member.token(), "/api/v1/time-entries/" + entry).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.submitted");
        api.post(member.token(), "/api/v1/time-entries", Ledger.entry(work, MONDAY, 30)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.submitted");

        Api.Session manager = api.member(org, "manager");
        List<Map<String, Object>> queue = ledger.items(manager.token(), "/api/v1/timesheets?status=submitted");
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("memberId")).isEqualTo(member.memberId().toString());
        assertThat(queue.get(0).get("memberName")).isEqualTo("A member");
        assertThat(queue.get(0).get("billableMinutes")).isEqualTo(90);
    }

    @Test
    void aManagerApprovesAWeekAndItStaysAsItIs() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Api.Session member = api.member(org, "member");
        Api.Session manager = api.member(org, "manager");
        UUID entry = ledger.log(member.token(), Ledger.entry(work, WEDNESDAY, 90));
        submit(member.token(), member.memberId()).expectStatus().isOk();
        approve(member.token(), member.memberId()).expectStatus().isForbidden();
        approve(manager.token(), member.memberId()).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        Map<String, Object> sheet = ledger.read(manager.token(), week(member.memberId()) + "?minVersion=1");
        assertThat(sheet.get("status")).isEqualTo("approved");
        assertThat(sheet.get("decidedBy")).isEqualTo(manager.memberId().toString());
        assertThat(ledger.entry(member.token(), entry, 0).get("status")).isEqualTo("approved");
        api.patch(manager.token(), "/api/v1/time-entries/" + entry, Map.of("minutes", 60)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.approved");
        submit(member.token(), member.memberId()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("timesheet.approved");
        reject(manager.token(), member.memberId(), "Too late").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("timesheet.not_submitted");
        assertThat(ledger.items(manager.token(), "/api/v1/time-entries?status=approved"))
                .extracting(item -> (String) item.get("id")).containsExactly(entry.toString());
    }

    @Test
    void aRejectedWeekOpensAgainWithItsReason() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Api.Session member = api.member(org, "member");
        Api.Session manager = api.member(org, "manager");
        UUID entry = ledger.log(member.token(), Ledger.entry(work, WEDNESDAY, 90));
        submit(member.token(), member.memberId()).expectStatus().isOk();
        reject(manager.token(), member.memberId(), " ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        reject(manager.token(), member.memberId(), "Tuesday is missing").expectStatus().isOk();
        Map<String, Object> sheet = ledger.read(member.token(), week(member.memberId()) + "?minVersion=1");
        assertThat(sheet.get("status")).isEqualTo("rejected");
        assertThat(sheet.get("rejectionReason")).isEqualTo("Tuesday is missing");
        assertThat(ledger.entry(member.token(), entry, 0).get("status")).isEqualTo("open");
        ledger.log(member.token(), Ledger.entry(work, "2026-03-03", 60));
        api.patch(member.token(), "/api/v1/time-entries/" + entry, Map.of("minutes", 60)).exchange()
                .expectStatus().isOk();
        submit(member.token(), member.memberId()).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        sheet = ledger.read(member.token(), week(member.memberId()) + "?minVersion=2");
        assertThat(sheet.get("status")).isEqualTo("submitted");
        assertThat(sheet).doesNotContainKey("rejectionReason");
    }

    @Test
    void noOneDecidesOnTheirOwnWeekButOwnersAndAdmins() {
        Api.Org org = api.signUp();
        Api.Session manager = api.member(org, "manager");
        submit(manager.token(), manager.memberId()).expectStatus().isOk();
        approve(manager.token(), manager.memberId()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("timesheet.own_week");
        reject(manager.token(), manager.memberId(), "Oops").expectStatus().isForbidden();
        Api.Session otherManager = api.member(org, "manager");
        approve(otherManager.token(), manager.memberId()).expectStatus().isOk();
        submit(org.token(), org.ownerId()).expectStatus().isOk();
        approve(org.token(), org.ownerId()).expectStatus().isOk();
    }

    @Test
    void aManagerSubmitsAMembersWeekButAMemberOnlyTheirOwn() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        Api.Session colleague = api.member(org, "member");
        Api.Session manager = api.member(org, "manager");
        submit(member.token(), colleague.memberId()).expectStatus().isForbidden();
        submit(manager.token(), member.memberId()).expectStatus().isOk();
        Map<String, Object> sheet = ledger.read(member.token(), week(member.memberId()) + "?minVersion=0");
        assertThat(sheet.get("submittedBy")).isEqualTo(manager.memberId().toString());
        api.get(member.token(), week(colleague.memberId())).exchange().expectStatus().isForbidden();
        api.get(member.token(), "/api/v1/timesheets?memberId=" + colleague.memberId()).exchange()
                .expectStatus().isForbidden();
        assertThat(ledger.items(member.token(), "/api/v1/timesheets")).hasSize(1);
    }

    @Test
    void aWeekNeverSubmittedIsOpenWithItsTotalsAndNoVersion() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        UUID entry = ledger.log(org.token(), Ledger.entry(work, WEDNESDAY, 45));
        ledger.entry(org.token(), entry, 0);
        // A week never submitted has no version to wait for; the owner's name shows once the members caught up.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get(org.token(), week(org.ownerId()))
                .exchange().expectBody().returnResult().getStatus().value() == 200);
        api.get(org.token(), week(org.ownerId())).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ETAG)
                .expectBody()
                .jsonPath("$.status").isEqualTo("open")
                .jsonPath("$.billableMinutes").isEqualTo(45)
                .jsonPath("$.memberName").isEqualTo("Olivia Owner")
                .jsonPath("$.id").doesNotExist()
                .jsonPath("$.version").doesNotExist();
        approve(org.token(), org.ownerId()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("timesheet.not_submitted");
    }

    @Test
    void aWeekStartsOnAMonday() {
        Api.Org org = api.signUp();
        String tuesday = "/api/v1/timesheets/" + org.ownerId() + "/2026-03-03";
        api.get(org.token(), tuesday).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("weekStart");
        ledger.action(org.token(), tuesday + "/submit", Map.of(), null).expectStatus().isBadRequest();
        ledger.action(org.token(), "/api/v1/timesheets/" + org.ownerId() + "/monday/submit", Map.of(), null)
                .expectStatus().isBadRequest();
        api.get(org.token(), "/api/v1/timesheets?status=pending").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        api.get(org.token(), "/api/v1/timesheets?from=2026-03-09&to=2026-03-02").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void withoutATokenNothingIsReadOrChanged() {
        UUID member = UUID.randomUUID();
        api.get(null, "/api/v1/timesheets").exchange().expectStatus().isUnauthorized();
        api.get(null, week(member)).exchange().expectStatus().isUnauthorized();
        for (String action : List.of("submit", "approve")) {
            api.post(null, week(member) + "/" + action, Map.of()).exchange().expectStatus().isUnauthorized();
        }
        api.post(null, week(member) + "/reject", Map.of("reason", "x")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anAccountantSeesWeeksButNeitherSubmitsNorDecides() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        Api.Session accountant = api.member(org, "accountant");
        submit(member.token(), member.memberId()).expectStatus().isOk();
        ledger.read(accountant.token(), week(member.memberId()) + "?minVersion=0");
        submit(accountant.token(), accountant.memberId()).expectStatus().isForbidden();
        approve(accountant.token(), member.memberId()).expectStatus().isForbidden();
        reject(accountant.token(), member.memberId(), "No").expectStatus().isForbidden();
    }

    @Test
    void anotherOrganizationsMemberHasNoWeeksHere() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        submit(org.token(), org.ownerId()).expectStatus().isOk();
        ledger.read(org.token(), week(org.ownerId()) + "?minVersion=0");
        api.get(other.token(), week(org.ownerId())).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("member.not_found");
        submit(other.token(), org.ownerId()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("member.not_found");
        approve(other.token(), org.ownerId()).expectStatus().isNotFound();
        reject(other.token(), org.ownerId(), "No").expectStatus().isNotFound();
        assertThat(ledger.items(other.token(), "/api/v1/timesheets")).isEmpty();
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        submit(member.token(), member.memberId()).expectStatus().isOk();
        reject(org.token(), member.memberId(), "Redo").expectStatus().isOk();
        ledger.action(org.token(), week(member.memberId()) + "/submit", Map.of(), "\"0\"")
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        submit(member.token(), member.memberId()).expectStatus().isOk();
        ledger.action(org.token(), week(member.memberId()) + "/approve", Map.of(), "\"1\"")
                .expectStatus().isEqualTo(412);
        ledger.action(org.token(), week(member.memberId()) + "/approve", Map.of(), "\"2\"")
                .expectStatus().isOk();
    }

    @Test
    void aRepeatedSubmissionReplaysTheFirstAnswer() {
        Api.Org org = api.signUp();
        String key = "submit-" + UUID.randomUUID();
        api.post(org.token(), week(org.ownerId()) + "/submit", Map.of(), key).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(0);
        Api.replay(() -> api.post(org.token(), week(org.ownerId()) + "/submit", Map.of(), key))
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.version").isEqualTo(0);
        String rejection = "reject-" + UUID.randomUUID();
        api.post(org.token(), week(org.ownerId()) + "/reject", Map.of("reason", "Redo"), rejection).exchange()
                .expectStatus().isOk();
        Api.replay(() -> api.post(org.token(), week(org.ownerId()) + "/reject", Map.of("reason", "Redo"),
                        rejection))
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
    }

    @Test
    void theQueueFiltersByStatusMemberAndWeeksAndPages() {
        Api.Org org = api.signUp();
        Api.Session first = api.member(org, "member");
        Api.Session second = api.member(org, "member");
        submit(first.token(), first.memberId()).expectStatus().isOk();
        submit(second.token(), second.memberId()).expectStatus().isOk();
        ledger.action(second.token(), "/api/v1/timesheets/" + second.memberId() + "/2026-03-09/submit", Map.of(),
                null).expectStatus().isOk();
        approve(org.token(), second.memberId()).expectStatus().isOk();
        ledger.itemsOnceThere(org.token(), "/api/v1/timesheets?status=approved", 1);
        List<Map<String, Object>> all = ledger.itemsOnceThere(org.token(), "/api/v1/timesheets", 3);
        assertThat(all.get(0).get("weekStart")).isEqualTo("2026-03-09");
        assertThat(ledger.items(org.token(), "/api/v1/timesheets?status=submitted")).hasSize(2);
        assertThat(ledger.items(org.token(), "/api/v1/timesheets?memberId=" + second.memberId())).hasSize(2);
        assertThat(ledger.items(org.token(), "/api/v1/timesheets?from=2026-03-09")).hasSize(1);
        assertThat(ledger.items(org.token(), "/api/v1/timesheets?to=2026-03-02")).hasSize(2);
        Map<String, Object> page = ledger.read(org.token(), "/api/v1/timesheets?limit=2");
        assertThat((List<?>) page.get("items")).hasSize(2);
        assertThat(ledger.items(org.token(), "/api/v1/timesheets?limit=2&cursor=" + page.get("nextCursor")))
                .hasSize(1);
    }

    @Test
    void anAdminUnlocksAnApprovedEntryForOneCorrectionAndTheHistoryKeepsWhy() {
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Api.Session member = api.member(org, "member");
        Api.Session manager = api.member(org, "manager");
        UUID entry = ledger.log(member.token(), Ledger.entry(work, WEDNESDAY, 90));
        submit(member.token(), member.memberId()).expectStatus().isOk();
        approve(manager.token(), member.memberId()).expectStatus().isOk();
        String unlock = "/api/v1/time-entries/" + entry + "/unlock";
        ledger.action(manager.token(), unlock, Map.of("reason", "Client asked"), null).expectStatus().isForbidden();
        ledger.action(org.token(), unlock, Map.of("reason", " "), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        ledger.action(org.token(), unlock, Map.of("reason", "Client asked for 60 minutes"), "\"0\"")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        Map<String, Object> read = ledger.entry(member.token(), entry, 1);
        assertThat(read.get("unlocked")).isEqualTo(true);
        assertThat(read.get("locked")).isEqualTo(false);
        assertThat(read.get("status")).isEqualTo("approved");

        api.patch(member.token(), "/api/v1/time-entries/" + entry, Map.of("minutes", 60), "\"0\"").exchange()
                .expectStatus().isEqualTo(412);
        api.patch(member.token(), "/api/v1/time-entries/" + entry, Map.of("minutes", 60), "\"1\"").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        read = ledger.entry(member.token(), entry, 2);
        assertThat(read.get("minutes")).isEqualTo(60);
        assertThat(read.get("unlocked")).isEqualTo(false);
        assertThat(read.get("locked")).isEqualTo(true);
        api.patch(member.token(), "/api/v1/time-entries/" + entry, Map.of("minutes", 45)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.approved");

        api.get(org.token(), "/api/v1/audit/time-entries/" + entry + "/events").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[1].type").isEqualTo("TimeEntryUnlocked")
                .jsonPath("$.items[1].actor").isEqualTo(org.ownerId().toString())
                .jsonPath("$.items[1].payload.reason").isEqualTo("Client asked for 60 minutes")
                .jsonPath("$.items[1].payload.lockedBy").isEqualTo("APPROVED")
                .jsonPath("$.items[2].type").isEqualTo("TimeEntryChanged")
                .jsonPath("$.items[2].actor").isEqualTo(member.memberId().toString());
        ledger.action(org.token(), "/api/v1/time-entries/" + UUID.randomUUID() + "/unlock",
                Map.of("reason", "x"), null).expectStatus().isNotFound();
    }

    @Test
    void anOpenEntryHasNothingToUnlock() {
        Api.Org org = api.signUp();
        UUID entry = ledger.log(org.token(), Ledger.entry(ledger.work(org), WEDNESDAY, 30));
        ledger.action(org.token(), "/api/v1/time-entries/" + entry + "/unlock", Map.of("reason", "x"), null)
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.not_locked");
    }
}
