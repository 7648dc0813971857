package io.ledgerline.app.web.qbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboConnect;
import io.ledgerline.app.support.qbo.QboFake;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.node.ObjectNode;

class QboWebhooksIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String WEBHOOK = "/api/v1/webhooks/qbo";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private VendorChangesSeen vendorChanges;

    private QboFake fake;

    @BeforeEach
    void setUp() {
        fake = QboFake.shared();
    }

    @Test
    void aSignedDeliveryIsAcknowledgedAndTheRecordReadBackForTheHandlers() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Signed Books");
        QboConnect.connect(api, org, realm);
        ObjectNode vendor = realm.addVendor("Paper Supplies Ltd");
        String body = QboFake.legacyNotification(realm.id(), "Vendor", vendor.get("Id").asString(), "Create",
                Instant.now());

        deliver(body.getBytes(StandardCharsets.UTF_8), fake.sign(body.getBytes(StandardCharsets.UTF_8)))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.stored").isEqualTo(1)
                .jsonPath("$.dropped").isEqualTo(0);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(vendorChanges.of(org.orgId()))
                .singleElement()
                .satisfies(seen -> assertThat(seen.get("DisplayName").asString()).isEqualTo("Paper Supplies Ltd")));
        assertThat(realm.requests()).anyMatch(request -> request.method().equals("GET")
                && request.path().endsWith("/vendor/" + vendor.get("Id").asString()));
        await().atMost(PATIENCE).until(() -> pending(org) == 0);
    }

    @Test
    void aMissingWrongOrReserializedSignatureIsRefusedAndNothingIsStored() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Unsigned Books");
        QboConnect.connect(api, org, realm);
        String body = QboFake.legacyNotification(realm.id(), "Vendor", "41", "Update", Instant.now());
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);

        web.post().uri(WEBHOOK).contentType(MediaType.APPLICATION_JSON).bodyValue(raw).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.webhook_signature_invalid");
        deliver(raw, fake.sign("something else".getBytes(StandardCharsets.UTF_8)))
                .expectStatus().isUnauthorized();
        deliver(raw, "not base64 at all!").expectStatus().isUnauthorized();
        // The same JSON written differently: a signature is over bytes, not over what they mean.
        byte[] reserialized = body.replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        deliver(reserialized, fake.sign(raw)).expectStatus().isUnauthorized();

        assertThat(rows(org)).isZero();
    }

    @Test
    void aSignedBodyOfAnotherShapeIsABadRequest() {
        byte[] raw = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
        deliver(raw, fake.sign(raw)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.webhook_body_invalid");
        byte[] notJson = "eventNotifications".getBytes(StandardCharsets.UTF_8);
        deliver(notJson, fake.sign(notJson)).expectStatus().isBadRequest();
    }

    @Test
    void aRepeatedDeliveryIsAppliedOnceAndNotificationsInQuickBooksOrder() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Ordered Books");
        QboConnect.connect(api, org, realm);
        String vendorId = realm.addVendor("Ink Co").get("Id").asString();
        Instant created = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

        // One delivery, the later change first: applied in QuickBooks' order all the same.
        String outOfOrder = QboFake.cloudEvents(
                QboFake.cloudEventItem("evt-" + UUID.randomUUID(), realm.id(), "Vendor", vendorId, "deleted",
                        created.plusSeconds(30)),
                QboFake.cloudEventItem("evt-" + UUID.randomUUID(), realm.id(), "Vendor", vendorId, "created",
                        created));
        signedDelivery(outOfOrder).expectBody().jsonPath("$.stored").isEqualTo(2);
        signedDelivery(outOfOrder).expectBody()
                .jsonPath("$.stored").isEqualTo(0)
                .jsonPath("$.duplicates").isEqualTo(2);
        String update = QboFake.legacyNotification(realm.id(), "Vendor", vendorId, "Update", created.plusSeconds(10));
        signedDelivery(update).expectBody().jsonPath("$.stored").isEqualTo(1);
        signedDelivery(update).expectBody().jsonPath("$.duplicates").isEqualTo(1);

        await().atMost(PATIENCE).until(() -> pending(org) == 0 && vendorChanges.of(org.orgId()).size() >= 3);
        assertThat(rows(org)).isEqualTo(3);
        assertThat(vendorChanges.of(org.orgId())).hasSize(3);
        List<String> appliedOrder = jdbc.queryForList("SELECT operation FROM qbo_webhook_inbox WHERE org_id = ? "
                + "AND dedupe_key LIKE 'ce:%' ORDER BY processed_at, id", String.class, org.orgId());
        assertThat(appliedOrder).containsExactly("Create", "Delete");
        assertThat(vendorChanges.of(org.orgId())).anySatisfy(deleted -> {
            assertThat(deleted.path("status").asString("")).isEqualTo("Deleted");
            assertThat(deleted.get("Id").asString()).isEqualTo(vendorId);
        });
        long reads = realm.requests().stream()
                .filter(request -> request.path().endsWith("/vendor/" + vendorId)).count();
        assertThat(reads).as("a read for the create and the update, none for the deletion").isEqualTo(2);
    }

    @Test
    void cloudEventsForSeveralCompaniesGoToTheirOwnOrganizationsAndUnknownCompaniesAreDropped() {
        Api.Org first = api.signUp();
        Api.Org second = api.signUp();
        QboFake.Realm firstRealm = fake.newRealm("First Books");
        QboFake.Realm secondRealm = fake.newRealm("Second Books");
        QboConnect.connect(api, first, firstRealm);
        QboConnect.connect(api, second, secondRealm);
        String firstVendor = firstRealm.addVendor("First Vendor").get("Id").asString();
        String secondVendor = secondRealm.addVendor("Second Vendor").get("Id").asString();
        Instant now = Instant.now();

        String body = QboFake.cloudEvents(
                QboFake.cloudEventItem("evt-" + UUID.randomUUID(), firstRealm.id(), "Vendor", firstVendor, "created",
                        now),
                QboFake.cloudEventItem("evt-" + UUID.randomUUID(), "unknown-" + UUID.randomUUID(), "Vendor", "1",
                        "created", now),
                QboFake.cloudEventItem("evt-" + UUID.randomUUID(), secondRealm.id(), "Vendor", secondVendor,
                        "updated", now));
        signedDelivery(body).expectBody()
                .jsonPath("$.stored").isEqualTo(2)
                .jsonPath("$.dropped").isEqualTo(1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(vendorChanges.of(first.orgId())).singleElement()
                    .satisfies(seen -> assertThat(seen.get("DisplayName").asString()).isEqualTo("First Vendor"));
            assertThat(vendorChanges.of(second.orgId())).singleElement()
                    .satisfies(seen -> assertThat(seen.get("DisplayName").asString()).isEqualTo("Second Vendor"));
        });
    }

    @Test
    void notificationsForAnUnknownOrDisconnectedCompanyAreAcknowledgedAndDropped() {
        String unknown = QboFake.legacyNotification("unknown-" + UUID.randomUUID(), "Invoice", "130", "Create",
                Instant.now());
        signedDelivery(unknown).expectBody()
                .jsonPath("$.stored").isEqualTo(0)
                .jsonPath("$.dropped").isEqualTo(1);

        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Gone Books");
        QboConnect.connect(api, org, realm);
        api.post(org.token(), "/api/v1/integrations/qbo/disconnect", java.util.Map.of()).exchange()
                .expectStatus().isOk();
        signedDelivery(QboFake.legacyNotification(realm.id(), "Vendor", "9", "Create", Instant.now()))
                .expectBody().jsonPath("$.dropped").isEqualTo(1);
        assertThat(rows(org)).isZero();
    }

    @Test
    void anAnswerLeavesBeforeQuickBooksIsAsked() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = fake.newRealm("Slow Books");
        QboConnect.connect(api, org, realm);
        String vendorId = realm.addVendor("Slow Vendor").get("Id").asString();
        realm.slowNextResponse(Duration.ofSeconds(4));

        Instant sent = Instant.now();
        signedDelivery(QboFake.legacyNotification(realm.id(), "Vendor", vendorId, "Create", Instant.now()))
                .expectStatus().isOk();
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(3));
        await().atMost(PATIENCE).until(() -> vendorChanges.of(org.orgId()).size() == 1);
    }

    private WebTestClient.ResponseSpec signedDelivery(String body) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return deliver(raw, fake.sign(raw)).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec deliver(byte[] raw, String signature) {
        return web.post().uri(WEBHOOK).contentType(MediaType.APPLICATION_JSON).header("intuit-signature", signature)
                .bodyValue(raw).exchange();
    }

    private int rows(Api.Org org) {
        return jdbc.queryForObject("SELECT count(*) FROM qbo_webhook_inbox WHERE org_id = ?", Integer.class,
                org.orgId());
    }

    private int pending(Api.Org org) {
        return jdbc.queryForObject("SELECT count(*) FROM qbo_webhook_inbox WHERE org_id = ? AND processed_at IS NULL",
                Integer.class, org.orgId());
    }
}
