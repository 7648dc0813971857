package io.ledgerline.app.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ProjectionReplayIntegrationTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReplayRebuildsEveryReadModelIdentically() {
        Api.Org owner = null;
        for (int i = 0; i < 3; i++) {
            Api.Org org = api.signUp();
            api.member(org, "member");
            api.member(org, "admin");
            api.patch(org.token(), "/api/v1/organization",
                    Map.of("name", "Replayed " + i, "billingDefaults", Map.of("taxRate", 7.5))).exchange()
                    .expectStatus().isOk();
            owner = org;
        }
        String token = owner.token();
        List<String> replayable = replayableProcessors(token);
        assertThat(replayable).contains("organizations", "members");
        awaitCaughtUp(token, replayable);
        Map<String, List<String>> before = readModels();
        assertThat(before).containsKeys("organization_view", "member_view");

        // Damage the read models, so that only a real rebuild from the log can restore them.
        jdbc.update("UPDATE organization_view SET name = 'tampered' WHERE org_id = ?", owner.orgId());
        jdbc.update("UPDATE member_view SET role = 'OWNER' WHERE org_id = ?", owner.orgId());
        before.keySet().forEach(table ->
                jdbc.update("DELETE FROM " + table + " WHERE ctid = (SELECT ctid FROM " + table + " LIMIT 1)"));
        assertThat(readModels()).isNotEqualTo(before);

        for (String name : replayable) {
            api.post(token, "/api/v1/admin/projections/" + name + "/replay", Map.of()).exchange()
                    .expectStatus().isAccepted()
                    .expectHeader().valueEquals("Location", "/api/v1/admin/projections/" + name)
                    .expectBody().jsonPath("$.name").isEqualTo(name);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String name : replayable) {
                assertCaughtUp(token, name);
            }
            assertThat(readModels()).isEqualTo(before);
        });
    }

    @Test
    void aReplayedIdempotencyKeyAnswersAgainWithoutASecondReset() {
        Api.Org org = api.signUp();
        String path = "/api/v1/admin/projections/organizations/replay";
        api.post(org.token(), path, Map.of(), "replay-organizations").exchange()
                .expectStatus().isAccepted();
        api.post(org.token(), path, Map.of(), "replay-organizations").exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals("Location", "/api/v1/admin/projections/organizations");
        api.post(org.token(), "/api/v1/admin/projections/members/replay", Map.of(), "replay-organizations")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertCaughtUp(org.token(), "organizations"));
    }

    @Test
    void theStatusReportsPositionsAgainstTheHead() {
        Api.Org org = api.signUp();
        api.get(org.token(), "/api/v1/admin/projections/members").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("members")
                .jsonPath("$.mode").isEqualTo("streaming")
                .jsonPath("$.replayable").isEqualTo(true)
                .jsonPath("$.headPosition").isNumber()
                .jsonPath("$.segments").isArray();
        api.get(org.token(), "/api/v1/admin/projections").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.name == 'command-side-registry')].mode").isEqualTo("subscribing")
                .jsonPath("$.items[?(@.name == 'organizations')].replayable").isEqualTo(true);
    }

    @Test
    void theCommandSideRegistryIsNotReplayable() {
        Api.Org org = api.signUp();
        api.post(org.token(), "/api/v1/admin/projections/command-side-registry/replay", Map.of()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("projections.not_replayable");
    }

    @Test
    void anUnknownProcessorIsNotFound() {
        Api.Org org = api.signUp();
        api.post(org.token(), "/api/v1/admin/projections/nonsense/replay", Map.of()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("projections.not_found");
        api.get(org.token(), "/api/v1/admin/projections/nonsense").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void replayNeedsATokenAndTheReplayPermission() {
        api.post(null, "/api/v1/admin/projections/members/replay", Map.of()).exchange()
                .expectStatus().isUnauthorized();
        api.get(null, "/api/v1/admin/projections").exchange().expectStatus().isUnauthorized();
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        api.post(member.token(), "/api/v1/admin/projections/members/replay", Map.of()).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        api.get(member.token(), "/api/v1/admin/projections/members").exchange().expectStatus().isForbidden();
    }

    @Test
    void healthReportsTheEventProcessorsAndTheirDeadLetters() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.eventProcessors.status").isEqualTo("UP")
                .jsonPath("$.components.eventProcessors.details.processors.members.running").isEqualTo(true)
                .jsonPath("$.components.eventProcessors.details.processors.members.error").isEqualTo(false)
                .jsonPath("$.components.eventProcessors.details.processors['command-side-registry'].mode")
                .isEqualTo("subscribing")
                .jsonPath("$.components.eventProcessors.details.deadLetters").isMap();
    }

    private List<String> replayableProcessors(String token) {
        Map<?, ?> list = api.get(token, "/api/v1/admin/projections").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) list.get("items")).stream()
                .map(item -> (Map<?, ?>) item)
                .filter(item -> Boolean.TRUE.equals(item.get("replayable")))
                .map(item -> (String) item.get("name"))
                .toList();
    }

    private void awaitCaughtUp(String token, List<String> processors) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String name : processors) {
                assertCaughtUp(token, name);
            }
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

    /**
     * Every read-model table as sorted JSON rows. Tables are found by name ({@code *_view}), so read models added
     * later are covered without touching this test.
     */
    private Map<String, List<String>> readModels() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        List<String> names = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name LIKE '%\\_view'
                ORDER BY table_name""", String.class);
        for (String table : names) {
            tables.put(table, jdbc.queryForList("SELECT to_jsonb(t)::text AS row FROM " + table + " t ORDER BY 1",
                    String.class));
        }
        return tables;
    }
}
