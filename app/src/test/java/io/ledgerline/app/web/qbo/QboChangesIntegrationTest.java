package io.ledgerline.app.web.qbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboConnect;
import io.ledgerline.app.support.qbo.QboFake;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

class QboChangesIntegrationTest extends IntegrationTest {

    private static final String CRON = "/api/v1/cron/qbo-sync-all";
    private static final String TOKEN_HEADER = "X-Ledgerline-Cron-Token";

    @Autowired
    private JdbcTemplate jdbc;

    private QboFake fake;
    private QboEvents events;

    @BeforeEach
    void setUp() {
        fake = QboFake.shared();
        events = new QboEvents(jdbc);
    }

    @Test
    void theCronTriggerNeedsItsToken() {
        web.post().uri(CRON).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("cron.token_invalid");
        web.post().uri(CRON).header(TOKEN_HEADER, "test-cron-token-but-longer").exchange()
                .expectStatus().isUnauthorized();
        web.post().uri(CRON).header(TOKEN_HEADER, "").exchange().expectStatus().isUnauthorized();
        Api.Org org = api.signUp();
        web.post().uri(CRON).headers(headers -> headers.setBearerAuth(org.token())).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aPullAppliesWhatChangedSinceTheCheckpointAndMovesIt() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Changing Books");
        QboConnect.connect(api, org, realm);
        Instant connectedCheckpoint = moveCheckpointBack(org);
        realm.addCustomer("Harbor Logistics", "ap@harbor.test");

        cron().expectBody()
                .jsonPath("$.connections").value(count -> assertThat((Integer) count).isPositive())
                .jsonPath("$.changes").value(count -> assertThat((Integer) count).isPositive());

        List<QboFake.Request> captures = realm.requests().stream().filter(r -> r.path().endsWith("/cdc")).toList();
        assertThat(captures).hasSize(1);
        assertThat(captures.get(0).param("entities")).isEqualTo("Customer,Invoice,Payment");
        QboEvents.Stored pulled = events.last(org.orgId(), "QboChangesPulled");
        assertThat(pulled.payload()).contains("\"changeCount\":1", "\"saturated\":false", "\"fullResync\":false",
                "\"realmId\":\"" + realm.id() + "\"");
        assertThat(pulled.metadata()).contains("qbo-sync");
        assertThat(checkpoint(org)).isAfter(connectedCheckpoint);
    }

    @Test
    void aSaturatedChangeCaptureIsReadInFullAndOnlyThenMovesTheCheckpoint() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Busy Books");
        QboConnect.connect(api, org, realm);
        Instant before = moveCheckpointBack(org);
        for (int i = 0; i < 1005; i++) {
            realm.addCustomer("Customer " + i, null);
        }

        cron();

        List<QboFake.Request> requests = realm.requests();
        assertThat(requests).anyMatch(r -> r.path().endsWith("/cdc"));
        List<String> queries = requests.stream().filter(r -> r.path().endsWith("/query"))
                .map(r -> r.param("query")).toList();
        assertThat(queries).anyMatch(q -> q.startsWith("SELECT * FROM Customer WHERE MetaData.LastUpdatedTime >= ")
                && q.contains("STARTPOSITION 1001"));
        assertThat(queries).anyMatch(q -> q.startsWith("SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime >= "));
        QboEvents.Stored pulled = events.last(org.orgId(), "QboChangesPulled");
        assertThat(pulled.payload()).contains("\"changeCount\":1005", "\"saturated\":true", "\"fullResync\":true",
                "\"changedSince\":\"" + before);
        assertThat(checkpoint(org)).isAfter(before);
    }

    @Test
    void aCheckpointOlderThanChangeCaptureReachesIsAFullResync() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Dormant Books");
        QboConnect.connect(api, org, realm);
        realm.addCustomer("Old Friend Ltd", "hello@oldfriend.test");
        jdbc.update("UPDATE qbo_connection_state SET changes_checkpoint = ? WHERE org_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(40))), org.orgId());

        cron();

        assertThat(realm.requests()).noneMatch(r -> r.path().endsWith("/cdc"));
        assertThat(realm.requests().stream().filter(r -> r.path().endsWith("/query")).map(r -> r.param("query")))
                .anyMatch(q -> q.startsWith("SELECT * FROM Customer WHERE MetaData.LastUpdatedTime >= "))
                .anyMatch(q -> q.startsWith("SELECT * FROM Payment WHERE MetaData.LastUpdatedTime >= "));
        assertThat(events.last(org.orgId(), "QboChangesPulled").payload())
                .contains("\"saturated\":false", "\"fullResync\":true", "\"changeCount\":1");
        assertThat(checkpoint(org)).isAfter(Instant.now().minus(Duration.ofDays(1)));
    }

    @Test
    void aFailedPullLeavesTheCheckpointAndAPersistentRefusalShowsOnTheCard() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Locked Books");
        QboConnect.connect(api, org, realm);
        Instant before = checkpoint(org);
        realm.revokeAccess();

        cron();

        assertThat(checkpoint(org)).isEqualTo(before);
        assertThat(events.types(org.orgId())).doesNotContain("QboChangesPulled");
        assertThat(events.types(org.orgId())).containsAnyOf("QboConnectionFailed", "QboConnectionExpired");
    }

    @Test
    void theCardComesOutTheSameFromAReplay() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Replayed Books");
        QboConnect.connect(api, org, realm);
        moveCheckpointBack(org);
        api.put(org.token(), "/api/v1/integrations/qbo/settings",
                        java.util.Map.of("syncCustomers", false, "syncInvoices", true, "pushOnFinalize", true))
                .exchange().expectStatus().isOk();
        cron();
        String card = "SELECT to_jsonb(v)::text FROM qbo_connection_view v WHERE org_id = ?";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.queryForObject(card, String.class, org.orgId())).contains("\"last_sync_at\": \"20",
                "\"push_on_finalize\": true"));
        String before = jdbc.queryForObject(card, String.class, org.orgId());

        jdbc.update("UPDATE qbo_connection_view SET company_name = 'tampered', last_sync_at = NULL WHERE org_id = ?",
                org.orgId());
        api.post(org.token(), "/api/v1/admin/projections/qbo-connections/replay", java.util.Map.of()).exchange()
                .expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                jdbc.queryForList(card, String.class, org.orgId())).containsExactly(before));
        // Axon keeps a replay token until the processor handles an event past the reset: new events end it, so no
        // replay token is left in the token store for the tests that follow.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            api.signUp();
            return jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = 'qbo-connections' "
                    + "AND convert_from(token, 'UTF8') LIKE '%tokenAtReset%'", Integer.class) == 0;
        });
    }

    private WebTestClient.ResponseSpec cron() {
        return web.post().uri(CRON).header(TOKEN_HEADER, "test-cron-token").exchange().expectStatus().isOk();
    }

    /**
     * As if the connection were some minutes old: the next checkpoint is a minute before the pull started, so a pull
     * right after connecting leaves the connect time in place.
     */
    private Instant moveCheckpointBack(Api.Org org) {
        jdbc.update("UPDATE qbo_connection_state SET changes_checkpoint = changes_checkpoint - interval '10 minutes' "
                + "WHERE org_id = ?", org.orgId());
        return checkpoint(org);
    }

    private Instant checkpoint(Api.Org org) {
        return jdbc.queryForObject("SELECT changes_checkpoint FROM qbo_connection_state WHERE org_id = ?",
                Timestamp.class, org.orgId()).toInstant();
    }
}
