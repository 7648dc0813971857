package io.ledgerline.app.web.qbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboConnect;
import io.ledgerline.app.support.qbo.QboFake;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboLinkOrigin;
import io.ledgerline.domain.qbo.QboLinked;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

class QboConnectionIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String CONNECT = "/api/v1/integrations/qbo/connect";
    private static final String CALLBACK = "/api/v1/integrations/qbo/callback";
    private static final String SETTINGS = "/api/v1/integrations/qbo/settings";
    private static final String DISCONNECT = "/api/v1/integrations/qbo/disconnect";
    private static final String CARD = "/api/v1/integrations/qbo";
    private static final String CRON = "/api/v1/cron/qbo-sync-all";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventGateway eventGateway;

    private QboFake fake;
    private QboEvents events;

    @BeforeEach
    void setUp() {
        fake = QboFake.shared();
        events = new QboEvents(jdbc);
    }

    @Test
    void anAdminConnectsAndTheCardShowsTheCompany() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Octayne Books");

        Map<?, ?> started = api.post(org.token(), CONNECT, Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        HttpUrl url = HttpUrl.get((String) started.get("authorizationUrl"));
        assertThat(url.queryParameter("state")).isEqualTo(started.get("state"));
        assertThat(url.queryParameter("scope")).isEqualTo("com.intuit.quickbooks.accounting");
        assertThat(url.queryParameter("client_id")).isEqualTo(QboFake.CLIENT_ID);
        assertThat(started.get("expiresAt")).isNotNull();

        api.get(null, callback(fake.authorizationCode(realm), (String) started.get("state"), realm.id())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("connected")
                .jsonPath("$.realmId").isEqualTo(realm.id())
                .jsonPath("$.companyName").isEqualTo("Octayne Books");

        byte[] storedAccess = jdbc.queryForObject("SELECT access_token FROM qbo_token WHERE org_id = ?", byte[].class,
                org.orgId());
        byte[] storedRefresh = jdbc.queryForObject("SELECT refresh_token FROM qbo_token WHERE org_id = ?",
                byte[].class, org.orgId());
        assertThat(new String(storedAccess, StandardCharsets.ISO_8859_1)).doesNotContain(realm.accessToken());
        assertThat(new String(storedRefresh, StandardCharsets.ISO_8859_1)).doesNotContain(realm.refreshToken());

        QboEvents.Stored connected = events.last(org.orgId(), "QboConnected");
        assertThat(connected.payload()).contains(realm.id(), "Octayne Books", org.ownerId().toString())
                .doesNotContain(realm.accessToken(), realm.refreshToken());
        assertThat(connected.metadata()).contains(org.ownerId().toString());

        await().atMost(PATIENCE).untilAsserted(() -> api.get(org.token(), "/api/v1/integrations").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].key").isEqualTo("qbo")
                .jsonPath("$[0].name").isEqualTo("QuickBooks Online")
                .jsonPath("$[0].status").isEqualTo("connected")
                .jsonPath("$[0].account.realmId").isEqualTo(realm.id())
                .jsonPath("$[0].account.companyName").isEqualTo("Octayne Books")
                .jsonPath("$[0].connectedBy").isEqualTo(org.ownerId().toString())
                .jsonPath("$[0].connectedAt").exists()
                .jsonPath("$[0].reconnectRequired").isEqualTo(false));
        api.get(org.token(), CARD).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("connected");
    }

    @Test
    void aCardBeforeAnyConnectionSaysDisconnected() {
        Api.Org org = api.signUp();
        api.get(org.token(), "/api/v1/integrations").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].key").isEqualTo("qbo")
                .jsonPath("$[0].status").isEqualTo("disconnected")
                .jsonPath("$[0].account").doesNotExist();
    }

    @Test
    void aBadUnknownReplayedOrExpiredStateStoresNothing() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("State Books");

        api.get(null, callback(fake.authorizationCode(realm), "forged-state", realm.id())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.state_invalid");
        api.get(null, CALLBACK + "?code=" + fake.authorizationCode(realm) + "&realmId=" + realm.id()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.state_invalid");

        String expired = startConnect(org);
        jdbc.update("UPDATE qbo_oauth_state SET expires_at = now() - interval '1 second' WHERE state_hash = ?",
                sha256(expired));
        api.get(null, callback(fake.authorizationCode(realm), expired, realm.id())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.state_invalid");

        assertThat(tokenRows(org)).isZero();
        assertThat(events.of(org.orgId())).isEmpty();
        assertThat(realm.requests()).isEmpty();

        String used = startConnect(org);
        api.get(null, callback(fake.authorizationCode(realm), used, realm.id())).exchange().expectStatus().isOk();
        api.get(null, callback(fake.authorizationCode(realm), used, realm.id())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.state_invalid");
        assertThat(events.types(org.orgId())).containsExactly("QboConnected");
    }

    @Test
    void aDeniedConsentOrAMissingCompanyStoresNothing() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Denied Books");

        String denied = startConnect(org);
        api.get(null, CALLBACK + "?error=access_denied&state=" + denied).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.authorization_denied");
        // The state was used up by the refusal.
        api.get(null, callback(fake.authorizationCode(realm), denied, realm.id())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.state_invalid");

        String withoutRealm = startConnect(org);
        api.get(null, CALLBACK + "?code=" + fake.authorizationCode(realm) + "&state=" + withoutRealm).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("qbo.callback_incomplete")
                .jsonPath("$.errors[0].field").isEqualTo("realmId");

        assertThat(tokenRows(org)).isZero();
        assertThat(events.of(org.orgId())).isEmpty();
        assertThat(realm.requests()).isEmpty();
    }

    @Test
    void anotherCompanyIsRefusedWhileRecordsAreLinkedAndTheConnectionStaysAsItWas() {
        Api.Org org = api.signUp();
        QboFake.Realm linked = fake.newRealm("Linked Books");
        QboFake.Realm other = fake.newRealm("Other Books");
        QboConnect.connect(api, org, linked);
        eventGateway.publish(new QboLinked(org.orgId(), QboEntity.CUSTOMER, UUID.randomUUID(), linked.id(), "58",
                QboLinkOrigin.CHOSEN));
        String tokensBefore = linked.refreshToken();

        String state = startConnect(org);
        api.get(null, callback(fake.authorizationCode(other), state, other.id())).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.realm_mismatch");

        assertThat(jdbc.queryForObject("SELECT realm_id FROM qbo_token WHERE org_id = ?", String.class, org.orgId()))
                .isEqualTo(linked.id());
        assertThat(linked.refreshToken()).isEqualTo(tokensBefore);
        assertThat(other.requests()).anyMatch(request -> request.path().equals(QboFake.REVOKE_PATH));
        assertThat(events.types(org.orgId())).containsExactly("QboConnected");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM qbo_link WHERE org_id = ?", Integer.class, org.orgId()))
                .isEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> api.get(org.token(), CARD).exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("connected")
                .jsonPath("$.account.realmId").isEqualTo(linked.id()));
    }

    @Test
    void refusedTokensExpireTheConnectionPauseSyncAndAReconnectKeepsLinksAndSettings() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Expiring Books");
        QboConnect.connect(api, org, realm);
        UUID client = UUID.randomUUID();
        eventGateway.publish(new QboLinked(org.orgId(), QboEntity.CUSTOMER, client, realm.id(), "7",
                QboLinkOrigin.IMPORTED));
        String etag = currentSettingsEtag(org);
        api.put(org.token(), SETTINGS, Map.of("syncCustomers", false, "syncInvoices", true, "pushOnFinalize", true))
                .header(HttpHeaders.IF_MATCH, etag)
                .exchange().expectStatus().isOk();

        realm.expireAccessToken();
        realm.revokeRefreshToken();
        cron().expectStatus().isOk();

        await().atMost(PATIENCE).untilAsserted(() -> api.get(org.token(), CARD).exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("expired")
                .jsonPath("$.reconnectRequired").isEqualTo(true)
                .jsonPath("$.error.code").isEqualTo("qbo.authorization_expired"));
        assertThat(events.types(org.orgId())).contains("QboConnectionExpired");
        int requestsWhileExpired = realm.requests().size();
        cron().expectStatus().isOk();
        assertThat(realm.requests()).hasSize(requestsWhileExpired);

        QboConnect.connect(api, org, realm);
        assertThat(events.last(org.orgId(), "QboConnected").payload()).contains("\"reconnected\":true");
        await().atMost(PATIENCE).untilAsserted(() -> api.get(org.token(), CARD).exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("connected")
                .jsonPath("$.reconnectRequired").isEqualTo(false));
        api.get(org.token(), SETTINGS).exchange()
                .expectBody()
                .jsonPath("$.syncCustomers").isEqualTo(false)
                .jsonPath("$.pushOnFinalize").isEqualTo(true);
        assertThat(jdbc.queryForObject("SELECT qbo_id FROM qbo_link WHERE org_id = ? AND local_id = ?", String.class,
                org.orgId(), client)).isEqualTo("7");
    }

    @Test
    void disconnectingDeletesTheTokensEvenWhenIntuitRefusesTheRevocationAndKeepsLinks() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Leaving Books");
        QboConnect.connect(api, org, realm);
        eventGateway.publish(new QboLinked(org.orgId(), QboEntity.CUSTOMER, UUID.randomUUID(), realm.id(), "3",
                QboLinkOrigin.CHOSEN));
        // Already revoked inside QuickBooks: Intuit answers the revocation with 400.
        realm.revokeRefreshToken();

        api.post(org.token(), DISCONNECT, Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);

        assertThat(tokenRows(org)).isZero();
        assertThat(events.last(org.orgId(), "QboDisconnected").payload()).contains("\"revokedAtIntuit\":false");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM qbo_link WHERE org_id = ?", Integer.class, org.orgId()))
                .isEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> api.get(org.token(), CARD).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("disconnected"));
    }

    @Test
    void disconnectingRevokesAtIntuit() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Revoked Books");
        QboConnect.connect(api, org, realm);
        String refreshToken = realm.refreshToken();

        api.post(org.token(), DISCONNECT, Map.of(), "disconnect-" + org.orgId()).exchange().expectStatus().isOk();
        Api.replay(() -> api.post(org.token(), DISCONNECT, Map.of(), "disconnect-" + org.orgId()))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);

        assertThat(realm.requests()).anyMatch(request -> request.path().equals(QboFake.REVOKE_PATH)
                && request.body().contains(refreshToken));
        assertThat(events.last(org.orgId(), "QboDisconnected").payload()).contains("\"revokedAtIntuit\":true")
                .doesNotContain(refreshToken);
        assertThat(events.types(org.orgId())).containsExactly("QboConnected", "QboDisconnected");
    }

    @Test
    void settingsNeedAConnectionAndFollowTheRules() {
        Api.Org org = api.signUp();
        Map<String, Object> wanted = settings(true, true, true);
        api.get(org.token(), SETTINGS).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.not_connected");
        api.put(org.token(), SETTINGS, wanted).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.not_connected");
        api.post(org.token(), DISCONNECT, Map.of()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.not_connected");

        QboConnect.connect(api, org, fake.newRealm("Settings Books"));
        api.get(org.token(), SETTINGS + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.syncCustomers").isEqualTo(true)
                .jsonPath("$.syncInvoices").isEqualTo(true)
                .jsonPath("$.pushOnFinalize").isEqualTo(false);

        api.put(org.token(), SETTINGS, settings(true, false, true)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.push_on_finalize_needs_invoice_sync");
        Map<String, Object> incomplete = new HashMap<>();
        incomplete.put("syncCustomers", true);
        api.put(org.token(), SETTINGS, incomplete).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'syncInvoices')]").exists();
        api.put(org.token(), SETTINGS, Map.of("syncCustomers", "yes", "syncInvoices", true, "pushOnFinalize", false))
                .exchange().expectStatus().isBadRequest();

        api.put(org.token(), SETTINGS, wanted).header(HttpHeaders.IF_MATCH, "\"0\"").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        api.put(org.token(), SETTINGS, settings(false, true, true)).header(HttpHeaders.IF_MATCH, "\"0\"").exchange()
                .expectStatus().isEqualTo(412);
        api.get(org.token(), SETTINGS + "?minVersion=1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.pushOnFinalize").isEqualTo(true);
        api.get(org.token(), SETTINGS + "?since=1").exchange().expectStatus().isBadRequest();
    }

    @Test
    void onlyAdminsConnectAndChangeSettingsAndViewersSeeTheCard() {
        Api.Org org = api.signUp();
        Api.Session admin = api.member(org, "admin");
        Api.Session manager = api.member(org, "manager");
        Api.Session member = api.member(org, "member");

        api.post(manager.token(), CONNECT, Map.of()).exchange().expectStatus().isForbidden();
        api.post(member.token(), CONNECT, Map.of()).exchange().expectStatus().isForbidden();
        api.post(manager.token(), DISCONNECT, Map.of()).exchange().expectStatus().isForbidden();
        api.put(manager.token(), SETTINGS, settings(true, true, false)).exchange().expectStatus().isForbidden();
        api.get(member.token(), CARD).exchange().expectStatus().isForbidden();
        api.get(member.token(), SETTINGS).exchange().expectStatus().isForbidden();
        api.get(manager.token(), "/api/v1/integrations").exchange().expectStatus().isOk();

        api.post(null, CONNECT, Map.of()).exchange().expectStatus().isUnauthorized();
        api.post(null, DISCONNECT, Map.of()).exchange().expectStatus().isUnauthorized();
        api.get(null, SETTINGS).exchange().expectStatus().isUnauthorized();
        api.put(null, SETTINGS, settings(true, true, false)).exchange().expectStatus().isUnauthorized();
        api.get(null, "/api/v1/integrations").exchange().expectStatus().isUnauthorized();

        QboFake.Realm realm = fake.newRealm("Admin Books");
        String state = api.post(admin.token(), CONNECT, Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("state").toString();
        api.get(null, callback(fake.authorizationCode(realm), state, realm.id())).exchange().expectStatus().isOk();
        assertThat(events.last(org.orgId(), "QboConnected").payload()).contains(admin.memberId().toString());
        api.get(manager.token(), SETTINGS + "?minVersion=0").exchange().expectStatus().isOk();
    }

    @Test
    void anotherOrganizationSeesNothingOfTheConnection() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        QboFake.Realm realm = fake.newRealm("Private Books");
        QboConnect.connect(api, org, realm);

        api.get(other.token(), CARD).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("disconnected")
                .jsonPath("$.account").doesNotExist();
        api.get(other.token(), SETTINGS).exchange().expectStatus().isEqualTo(409);
        api.post(other.token(), DISCONNECT, Map.of()).exchange().expectStatus().isEqualTo(409);
        assertThat(tokenRows(org)).isEqualTo(1);

        // A state started by one organization connects that organization only, whoever follows the link.
        String state = startConnect(other);
        QboFake.Realm otherRealm = fake.newRealm("Their Books");
        api.get(other.token(), callback(fake.authorizationCode(otherRealm), state, otherRealm.id())).exchange()
                .expectStatus().isOk();
        assertThat(jdbc.queryForObject("SELECT realm_id FROM qbo_token WHERE org_id = ?", String.class, org.orgId()))
                .isEqualTo(realm.id());
    }

    @Test
    void aRepeatedConnectWithTheSameIdempotencyKeyGivesTheSameLink() {
        Api.Org org = api.signUp();
        String key = "connect-" + UUID.randomUUID();
        Map<?, ?> first = api.post(org.token(), CONNECT, Map.of(), key).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = Api.replay(() -> api.post(org.token(), CONNECT, Map.of(), key))
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again.get("state")).isEqualTo(first.get("state"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM qbo_oauth_state WHERE org_id = ?", Integer.class,
                org.orgId())).isEqualTo(1);
    }

    private String startConnect(Api.Org org) {
        return api.post(org.token(), CONNECT, Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("state").toString();
    }

    private String currentSettingsEtag(Api.Org org) {
        return api.get(org.token(), SETTINGS + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec cron() {
        return web.post().uri(CRON).header("X-Ledgerline-Cron-Token", "test-cron-token").exchange();
    }

    private int tokenRows(Api.Org org) {
        return jdbc.queryForObject("SELECT count(*) FROM qbo_token WHERE org_id = ?", Integer.class, org.orgId());
    }

    private static String callback(String code, String state, String realmId) {
        return CALLBACK + "?code=" + code + "&state=" + state + "&realmId=" + realmId;
    }

    private static Map<String, Object> settings(boolean customers, boolean invoices, boolean pushOnFinalize) {
        return Map.of("syncCustomers", customers, "syncInvoices", invoices, "pushOnFinalize", pushOnFinalize);
    }

    private static byte[] sha256(String state) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
