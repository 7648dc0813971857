package io.ledgerline.app.web.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.domain.invoice.InvoiceFinalized;
import io.ledgerline.domain.invoice.InvoiceVoided;
import io.ledgerline.projections.invoice.BillableTime;
import io.ledgerline.projections.invoice.UnbilledWork;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.EventBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The time ledger and invoices: approved, billable, unbilled time is what a draft is made from; a finalized invoice
 * keeps the time it bills. Invoices are another part's aggregate, so their events are published here as they would
 * be stored.
 */
class InvoicedTimeIntegrationTest extends IntegrationTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Autowired
    UnbilledWork.Time unbilled;

    @Autowired
    EventBus eventBus;

    private record Week(Api.Org org, Ledger.Work work, Api.Session member, UUID monday, UUID tuesday,
                        UUID nonBillable, UUID unapproved) {
    }

    /** A member's approved week on the client's project, and time that is not billable or not yet approved. */
    private Week approvedWeek() {
        Ledger ledger = new Ledger(api, web);
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Api.Session member = api.member(org, "member");
        UUID monday = ledger.log(member.token(), Ledger.entry(work, "2026-03-02", 60));
        UUID tuesday = ledger.log(member.token(), Ledger.entry(work, "2026-03-03", 90));
        Map<String, Object> internal = Ledger.entry(work, "2026-03-03", 30);
        internal.put("billable", false);
        UUID nonBillable = ledger.log(member.token(), internal);
        UUID unapproved = ledger.log(member.token(), Ledger.entry(work, "2026-03-10", 45));
        String week = "/api/v1/timesheets/" + member.memberId() + "/" + MONDAY;
        ledger.action(member.token(), week + "/submit", Map.of(), null).expectStatus().isOk();
        ledger.action(org.token(), week + "/approve", Map.of(), null).expectStatus().isOk();
        for (UUID entry : List.of(monday, tuesday, nonBillable, unapproved)) {
            ledger.entry(org.token(), entry, 0);
        }
        ledger.read(org.token(), week + "?minVersion=1");
        return new Week(org, work, member, monday, tuesday, nonBillable, unapproved);
    }

    private List<BillableTime> unbilledOf(Week week, Set<UUID> projects) {
        return unbilled.unbilledTime(new UnbilledWork.Scope(week.org().orgId(), week.work().clientId(), projects,
                MONDAY, MONDAY.plusDays(30))).collectList().block(Duration.ofSeconds(10));
    }

    @Test
    void aDraftTakesApprovedBillableTimeWithTheRateThatAppliesOnItsDate() {
        Week week = approvedWeek();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<BillableTime> time = unbilledOf(week, null);
            assertThat(time).extracting(BillableTime::entryId).containsExactly(week.monday(), week.tuesday());
            assertThat(time.get(0).hourlyRate()).isEqualByComparingTo(new BigDecimal("120"));
        });
        BillableTime monday = unbilledOf(week, Set.of(week.work().projectId())).get(0);
        assertThat(monday.rateSource()).isEqualTo("project");
        assertThat(monday.memberId()).isEqualTo(week.member().memberId());
        assertThat(monday.memberName()).isEqualTo("A member");
        assertThat(monday.taskName()).isEqualTo("Design");
        assertThat(monday.minutes()).isEqualTo(60);
        assertThat(monday.workDate()).isEqualTo(MONDAY);
        assertThat(monday.description()).isEqualTo("Design review");
        assertThat(unbilledOf(week, Set.of(UUID.randomUUID()))).isEmpty();
        assertThat(unbilled.unbilledTime(new UnbilledWork.Scope(UUID.randomUUID(), week.work().clientId(), null,
                MONDAY, MONDAY.plusDays(30))).collectList().block()).isEmpty();
    }

    @Test
    void anEntryShowsTheRateThatAppliesOnlyToThoseWhoSeeRates() {
        Week week = approvedWeek();
        Ledger ledger = new Ledger(api, web);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Object> entry = ledger.entry(week.org().token(), week.monday(), 0);
            assertThat(entry.get("hourlyRate")).isEqualTo(120);
            assertThat(entry.get("rateSource")).isEqualTo("project");
        });
        assertThat(ledger.entry(week.member().token(), week.monday(), 0))
                .doesNotContainKeys("hourlyRate", "rateSource", "rateEffectiveFrom");
        assertThat(ledger.items(week.org().token(), "/api/v1/time-entries").get(0)).doesNotContainKey("hourlyRate");
    }

    @Test
    void aFinalizedInvoiceKeepsTheTimeItBillsUntilItIsVoided() {
        Week week = approvedWeek();
        Ledger ledger = new Ledger(api, web);
        String token = week.org().token();
        UUID invoiceId = UUID.randomUUID();
        InvoiceEvents invoices = new InvoiceEvents(eventBus);
        invoices.publish(invoiceId, 0, new InvoiceFinalized(week.org().orgId(), invoiceId, week.work().clientId(),
                "INV-1001", MONDAY.plusDays(14), MONDAY.plusDays(44), List.of(week.monday()), List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                ledger.entry(token, week.monday(), 0).get("status")).isEqualTo("invoiced"));
        Map<String, Object> invoiced = ledger.entry(token, week.monday(), 0);
        assertThat(invoiced.get("invoiceId")).isEqualTo(invoiceId.toString());
        assertThat(invoiced.get("locked")).isEqualTo(true);
        assertThat(unbilledOf(week, null)).extracting(BillableTime::entryId).containsExactly(week.tuesday());
        assertThat(ledger.items(token, "/api/v1/time-entries?status=invoiced"))
                .extracting(item -> (String) item.get("id")).containsExactly(week.monday().toString());
        assertThat(ledger.items(token, "/api/v1/time-entries?status=approved")).hasSize(2);

        String entry = "/api/v1/time-entries/" + week.monday();
        api.patch(token, entry, Map.of("minutes", 50)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.invoiced");
        api.delete(token, entry).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.invoiced");
        ledger.action(token, entry + "/unlock", Map.of("reason", "Billed 10 minutes too many"), null)
                .expectStatus().isOk();
        api.delete(token, entry).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("time_entry.invoiced");
        api.patch(token, entry, Map.of("minutes", 50)).exchange().expectStatus().isOk();
        api.get(token, "/api/v1/audit/time-entries/" + week.monday() + "/events").exchange()
                .expectBody()
                .jsonPath("$.items[1].payload.lockedBy").isEqualTo("INVOICED")
                .jsonPath("$.items[1].payload.invoiceId").isEqualTo(invoiceId.toString());

        invoices.publish(invoiceId, 1, new InvoiceVoided(week.org().orgId(), invoiceId, week.work().clientId(),
                "INV-1001", "Wrong client", List.of(week.monday()), List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                ledger.entry(token, week.monday(), 2).get("status")).isEqualTo("approved"));
        assertThat(unbilledOf(week, null)).extracting(BillableTime::entryId)
                .containsExactly(week.monday(), week.tuesday());
    }
}
