package io.ledgerline.app.web.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.domain.invoice.InvoiceFinalized;
import io.ledgerline.domain.invoice.InvoiceVoided;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The time ledger rebuilt from the log comes out row for row as it was, whatever order its two segments see the
 * entries, weeks, timers and invoices in: an entry billed, released by a void and billed again by another invoice
 * keeps exactly the second invoice.
 */
class TimeLedgerReplayIntegrationTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("time_entry_view", "timesheet_view",
            "time_entry_invoice_view", "timer_view", "organization_view");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventBus eventBus;

    @Test
    void aReplayRebuildsTheLedgerIdentically() {
        Ledger ledger = new Ledger(api, web);
        Api.Org org = api.signUp();
        Ledger.Work work = ledger.work(org);
        Api.Session member = api.member(org, "member");
        UUID billed = ledger.log(member.token(), Ledger.entry(work, "2026-03-02", 60));
        UUID changed = ledger.log(member.token(), Ledger.entry(work, "2026-03-03", 60));
        UUID deleted = ledger.log(member.token(), Ledger.entry(work, "2026-03-04", 60));
        api.patch(member.token(), "/api/v1/time-entries/" + changed, Map.of("minutes", 75)).exchange()
                .expectStatus().isOk();
        api.delete(member.token(), "/api/v1/time-entries/" + deleted).exchange().expectStatus().isOk();
        String week = "/api/v1/timesheets/" + member.memberId() + "/2026-03-02";
        ledger.action(member.token(), week + "/submit", Map.of(), null).expectStatus().isOk();
        ledger.action(org.token(), week + "/reject", Map.of("reason", "Redo"), null).expectStatus().isOk();
        ledger.action(member.token(), week + "/submit", Map.of(), null).expectStatus().isOk();
        ledger.action(org.token(), week + "/approve", Map.of(), null).expectStatus().isOk();
        ledger.action(org.token(), "/api/v1/time-entries/" + changed + "/unlock", Map.of("reason", "Fix"), null)
                .expectStatus().isOk();
        api.post(member.token(), "/api/v1/timer/start", Map.of("projectId", work.projectId().toString())).exchange()
                .expectStatus().isOk();
        api.put(org.token(), "/api/v1/ledger/lock", Map.of("through", "2026-02-28", "reason", "February"))
                .exchange().expectStatus().isOk();
        UUID voided = UUID.randomUUID();
        UUID standing = UUID.randomUUID();
        LocalDate issued = LocalDate.of(2026, 3, 16);
        InvoiceEvents invoices = new InvoiceEvents(eventBus);
        invoices.publish(voided, 0, new InvoiceFinalized(org.orgId(), voided, work.clientId(), "INV-1", issued,
                issued.plusDays(30), List.of(billed), List.of()));
        invoices.publish(voided, 1, new InvoiceVoided(org.orgId(), voided, work.clientId(), "INV-1", "Wrong amount",
                List.of(billed), List.of()));
        invoices.publish(standing, 0, new InvoiceFinalized(org.orgId(), standing, work.clientId(), "INV-2", issued,
                issued.plusDays(30), List.of(billed), List.of()));

        awaitCaughtUp(org.token());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                ledger.entry(org.token(), billed, 0).get("invoiceId")).isEqualTo(standing.toString()));
        ledger.read(member.token(), "/api/v1/timer?minVersion=0");
        Map<String, List<String>> before = rows(org.orgId());
        assertThat(before.get("time_entry_view")).hasSize(2);
        assertThat(before.get("timesheet_view")).hasSize(1);
        assertThat(before.get("time_entry_invoice_view")).hasSize(1);
        assertThat(before.get("timer_view")).hasSize(1);

        jdbc.update("UPDATE time_entry_view SET minutes = 1 WHERE org_id = ?", org.orgId());
        jdbc.update("DELETE FROM timesheet_view WHERE org_id = ?", org.orgId());
        jdbc.update("UPDATE organization_view SET ledger_locked_through = NULL WHERE org_id = ?", org.orgId());
        assertThat(rows(org.orgId())).isNotEqualTo(before);

        for (String processor : List.of("time-entries", "organizations")) {
            api.post(org.token(), "/api/v1/admin/projections/" + processor + "/replay", Map.of()).exchange()
                    .expectStatus().isAccepted();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertCaughtUp(org.token(), "time-entries");
            assertCaughtUp(org.token(), "organizations");
            assertThat(rows(org.orgId())).isEqualTo(before);
        });
    }

    private Map<String, List<String>> rows(UUID orgId) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table
                    + " t WHERE org_id = ? ORDER BY 1", String.class, orgId));
        }
        return tables;
    }

    private void awaitCaughtUp(String token) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertCaughtUp(token, "time-entries");
            assertCaughtUp(token, "organizations");
        });
    }

    private void assertCaughtUp(String token, String name) {
        Map<?, ?> status = api.get(token, "/api/v1/admin/projections/" + name).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(status.get("replaying")).as(name + " replaying").isEqualTo(false);
        assertThat(status.get("caughtUp")).as(name + " caught up").isEqualTo(true);
        long head = ((Number) status.get("headPosition")).longValue();
        for (Object segment : (List<?>) status.get("segments")) {
            assertThat(((Number) ((Map<?, ?>) segment).get("currentPosition")).longValue())
                    .as(name + " position").isGreaterThanOrEqualTo(head);
        }
    }
}
