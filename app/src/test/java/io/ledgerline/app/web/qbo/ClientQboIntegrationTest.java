package io.ledgerline.app.web.qbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.integration.qbo.QboChangeHandlers;
import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboConnect;
import io.ledgerline.app.support.qbo.QboFake;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

class ClientQboIntegrationTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private QboChangeHandlers changes;

    private QboFake.Realm realm;
    private Api.Org org;
    private CustomerSyncFixtures sync;

    @BeforeEach
    void connect() {
        sync = new CustomerSyncFixtures(api, jdbc);
        org = api.signUp();
        realm = QboFake.shared().newRealm("Customer Books");
        QboConnect.connect(api, org, realm);
    }

    @Test
    void aPushCreatesTheCustomerLinksTheClientAndTheClientShowsIt() {
        UUID client = sync.client(org, "Harbor Logistics", "ap@harbor.test");

        Map<?, ?> pushed = sync.push(org, client);

        assertThat(pushed.get("operation")).isEqualTo("created");
        String customerId = (String) pushed.get("qboCustomerId");
        ObjectNode customer = realm.customer(customerId);
        assertThat(customer.path("DisplayName").asString()).isEqualTo("Harbor Logistics");
        assertThat(customer.path("PrimaryEmailAddr").path("Address").asString()).isEqualTo("ap@harbor.test");
        assertThat(realm.requests()).filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/customer"))
                .singleElement().satisfies(r -> assertThat(r.param("requestid")).startsWith("lc-"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<?, ?> link = api.get(org.token(), "/api/v1/clients/" + client + "/qbo-link").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(link.get("qboCustomerId")).isEqualTo(customerId);
            assertThat(link.get("realmId")).isEqualTo(realm.id());
            assertThat(link.get("origin")).isEqualTo("created");
            assertThat(link.get("lastOperation")).isEqualTo("created");
            assertThat(link.get("lastSyncedAt")).isNotNull();
            assertThat((String) link.get("url")).endsWith("/customerdetail?nameId=" + customerId)
                    .startsWith("https://app.sandbox.qbo.intuit.com/app");
            Map<?, ?> qbo = (Map<?, ?>) sync.clientDetails(org, client).get("qbo");
            assertThat(qbo).as("qbo, once the link read model has it").isNotNull();
            assertThat(qbo.get("customerId")).isEqualTo(customerId);
            assertThat(qbo.get("url")).isNotNull();
        });
    }

    @Test
    void aClientChangeIsPushedToItsCustomerAutomatically() {
        UUID client = sync.client(org, "Quay Partners", "ap@quay.test");
        String customerId = (String) sync.push(org, client).get("qboCustomerId");

        api.patch(org.token(), "/api/v1/clients/" + client, Map.of("email", "billing@quay.test"))
                .exchange().expectStatus().isOk();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                realm.customer(customerId).path("PrimaryEmailAddr").path("Address").asString())
                .isEqualTo("billing@quay.test"));
        sync.awaitAttempt(client, "PUSH", "UPDATED");
    }

    @Test
    void aPushLinksTheCustomerWithTheSameNameAndEmailInsteadOfCreatingASecond() {
        ObjectNode existing = realm.addCustomer("Acme Supplies", "ap@acme.test");
        UUID client = sync.client(org, "Acme Supplies", "ap@acme.test");

        Map<?, ?> pushed = sync.push(org, client);

        assertThat(pushed.get("qboCustomerId")).isEqualTo(existing.path("Id").asString());
        assertThat(pushed.get("operation")).isEqualTo("updated");
        assertThat((String) pushed.get("note")).contains("linked it instead of creating a second one");
        assertThat(realm.customers()).hasSize(1);
    }

    @Test
    void aNameHeldByAVendorGivesANumberedCustomerAndTheLogSaysSo() {
        realm.addVendor("Blue Fin Trading");
        UUID client = sync.client(org, "Blue Fin Trading", "ap@bluefin.test");

        Map<?, ?> pushed = sync.push(org, client);

        assertThat(pushed.get("operation")).isEqualTo("created");
        assertThat(realm.customer((String) pushed.get("qboCustomerId")).path("DisplayName").asString())
                .isEqualTo("Blue Fin Trading (2)");
        assertThat((String) pushed.get("note")).contains("a vendor").contains("Blue Fin Trading (2)");
        assertThat(realm.writes("Customer")).isEqualTo(1);
    }

    @Test
    void disambiguationStopsAfterAFewNamesInsteadOfLooping() {
        realm.addVendor("Taken Everywhere");
        realm.addEmployee("Taken Everywhere (2)");
        realm.addVendor("Taken Everywhere (3)");
        realm.addVendor("Taken Everywhere (4)");
        UUID client = sync.client(org, "Taken Everywhere", "ap@taken.test");

        Map<?, ?> pushed = sync.push(org, client);

        assertThat(pushed.get("operation")).isEqualTo("error");
        assertThat((String) pushed.get("note")).contains("Rename the client");
        assertThat(realm.requests()).filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/customer"))
                .hasSize(4);
        assertThat(realm.customers()).isEmpty();
    }

    @Test
    void aNameHeldByAnInactiveCustomerWithAnotherEmailIsDisambiguatedNotLinked() {
        ObjectNode other = realm.addCustomer("Cedar Works", "someone@else.test");
        realm.deactivateCustomer(other.path("Id").asString());
        UUID client = sync.client(org, "Cedar Works", "ap@cedar.test");

        Map<?, ?> pushed = sync.push(org, client);

        assertThat(pushed.get("qboCustomerId")).isNotEqualTo(other.path("Id").asString());
        assertThat(realm.customer((String) pushed.get("qboCustomerId")).path("DisplayName").asString())
                .isEqualTo("Cedar Works (2)");
    }

    @Test
    void namesWithApostrophesColonsAndTypographicQuotesAreEscapedAndSanitized() {
        UUID client = sync.client(org, "O'Brien: Sons \u2019n\u2019 Daughters \u2013 East", null);

        Map<?, ?> pushed = sync.push(org, client);

        assertThat(pushed.get("operation")).isEqualTo("created");
        assertThat(realm.customer((String) pushed.get("qboCustomerId")).path("DisplayName").asString())
                .isEqualTo("O'Brien- Sons 'n' Daughters - East");
        assertThat(realm.requests()).filteredOn(r -> r.path().endsWith("/query")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.param("query")).contains("O\\'Brien- Sons \\'n\\' Daughters - East"));
    }

    @Test
    void aStaleSyncTokenIsReReadAndTheUpdateRetriedOnce() {
        UUID client = sync.client(org, "Stale Token Inc", "ap@stale.test");
        String customerId = (String) sync.push(org, client).get("qboCustomerId");
        realm.changeCustomer(customerId, customer -> customer.putObject("PrimaryPhone").put("FreeFormNumber", "1"));
        realm.staleNextUpdate();

        Map<?, ?> pushed = sync.push(org, client);

        assertThat(pushed.get("operation")).isEqualTo("updated");
        assertThat(realm.requests()).filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/customer")
                && r.body().contains("\"sparse\":true")).hasSize(2);
    }

    @Test
    void aCustomerMadeInactiveInQuickBooksIsReportedAndNeverReplacedByANewOne() {
        UUID client = sync.client(org, "Dormant Ltd", "ap@dormant.test");
        String customerId = (String) sync.push(org, client).get("qboCustomerId");
        realm.deactivateCustomer(customerId);

        Map<?, ?> pushed = sync.push(org, client);

        assertThat(pushed.get("operation")).isEqualTo("error");
        assertThat((String) pushed.get("note")).contains("inactive").contains("Make it active");
        assertThat(realm.customers()).hasSize(1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<?, ?> link = api.get(org.token(), "/api/v1/clients/" + client + "/qbo-link").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(link.get("lastOperation")).isEqualTo("error");
            assertThat((String) link.get("lastError")).contains("inactive");
        });
    }

    @Test
    void aThrottledPushIsDeferredNotFailed() {
        UUID client = sync.client(org, "Busy Bee", "ap@busybee.test");
        realm.throttleNext(1, QboFake.Throttle.JSON_429);

        Map<?, ?> pushed = sync.push(org, client);

        assertThat(pushed.get("operation")).isEqualTo("deferred");
        assertThat(realm.customers()).isEmpty();
    }

    @Test
    void pushingNeedsAConnectionAndCustomerSyncTurnedOn() {
        Api.Org unconnected = api.signUp();
        UUID client = sync.client(unconnected, "Nowhere Co", null);
        api.post(unconnected.token(), "/api/v1/clients/" + client + "/qbo-push", Map.of()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.not_connected");

        UUID mine = sync.client(org, "Switched Off Co", null);
        sync.settings(org, false);
        api.post(org.token(), "/api/v1/clients/" + mine + "/qbo-push", Map.of()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.customer_sync_disabled");
    }

    @Test
    void pushingIsForThoseWhoMayEditClientsOfTheirOwnOrganization() {
        UUID client = sync.client(org, "Guarded Co", null);
        web.post().uri("/api/v1/clients/" + client + "/qbo-push").exchange().expectStatus().isUnauthorized();
        Api.Session member = api.member(org, "member");
        api.post(member.token(), "/api/v1/clients/" + client + "/qbo-push", Map.of()).exchange()
                .expectStatus().isForbidden();
        Api.Org other = api.signUp();
        api.post(other.token(), "/api/v1/clients/" + client + "/qbo-push", Map.of()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void linkingAChosenCustomerAndUnlinkingIt() {
        ObjectNode customer = realm.addCustomer("Lantern Studio", "hi@lantern.test");
        String customerId = customer.path("Id").asString();
        UUID client = sync.client(org, "Lantern", "hi@lantern.test");

        Map<?, ?> written = api.put(org.token(), "/api/v1/clients/" + client + "/qbo-link",
                        Map.of("qboCustomerId", customerId)).exchange()
                .expectStatus().isOk()
                .expectHeader().exists("ETag")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(written.get("id")).isEqualTo(client.toString());
        long version = ((Number) written.get("version")).longValue();
        Map<?, ?> link = api.get(org.token(), "/api/v1/clients/" + client + "/qbo-link?minVersion=" + version)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(link.get("qboCustomerId")).isEqualTo(customerId);
        assertThat(link.get("origin")).isEqualTo("chosen");
        assertThat(link.get("lastOperation")).isEqualTo("linked");
        assertThat(sync.lastAttempt(client).is("PULL", "LINKED")).isTrue();

        api.delete(org.token(), "/api/v1/clients/" + client + "/qbo-link", "\"" + (version - 1) + "\"").exchange()
                .expectStatus().isEqualTo(412);
        api.delete(org.token(), "/api/v1/clients/" + client + "/qbo-link", "\"" + version + "\"").exchange()
                .expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                api.get(org.token(), "/api/v1/clients/" + client + "/qbo-link").exchange()
                        .expectStatus().isNotFound()
                        .expectBody().jsonPath("$.code").isEqualTo("qbo.not_linked"));
        api.delete(org.token(), "/api/v1/clients/" + client + "/qbo-link").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.not_linked");
        assertThat(realm.customer(customerId)).isNotNull();
        assertThat(realm.writes("Customer")).isZero();
    }

    @Test
    void linkingIsRefusedForACustomerQuickBooksDoesNotHaveOrAnotherClientHas() {
        String customerId = realm.addCustomer("Shared Customer", null).path("Id").asString();
        UUID first = sync.client(org, "First Co", null);
        UUID second = sync.client(org, "Second Co", null);
        sync.link(org, first, customerId);

        api.put(org.token(), "/api/v1/clients/" + second + "/qbo-link", Map.of("qboCustomerId", customerId))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.linked_elsewhere");
        api.put(org.token(), "/api/v1/clients/" + second + "/qbo-link", Map.of("qboCustomerId", "999999"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.customer_not_found");
        api.put(org.token(), "/api/v1/clients/" + first + "/qbo-link",
                        Map.of("qboCustomerId", realm.addCustomer("Another", null).path("Id").asString()))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.already_linked");
    }

    @Test
    void linkRequestsAreValidatedAuthorizedAndScopedToTheOrganization() {
        String customerId = realm.addCustomer("Scoped Co", null).path("Id").asString();
        UUID client = sync.client(org, "Scoped", null);
        String path = "/api/v1/clients/" + client + "/qbo-link";

        api.put(org.token(), path, Map.of("qboCustomerId", "")).exchange().expectStatus().isBadRequest();
        api.put(org.token(), path, Map.of("qboCustomerId", "1; DROP")).exchange().expectStatus().isBadRequest();
        web.put().uri(path).bodyValue(Map.of("qboCustomerId", customerId)).exchange().expectStatus().isUnauthorized();
        web.get().uri(path).exchange().expectStatus().isUnauthorized();
        Api.Session member = api.member(org, "member");
        api.put(member.token(), path, Map.of("qboCustomerId", customerId)).exchange().expectStatus().isForbidden();
        api.delete(member.token(), path).exchange().expectStatus().isForbidden();
        Api.Org other = api.signUp();
        api.put(other.token(), path, Map.of("qboCustomerId", customerId)).exchange().expectStatus().isNotFound();
        sync.link(org, client, customerId);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                api.get(org.token(), path).exchange().expectStatus().isOk());
        api.get(other.token(), path).exchange().expectStatus().isNotFound();
        api.get(member.token(), path).exchange().expectStatus().isOk();
        api.delete(other.token(), path).exchange().expectStatus().isNotFound();
        api.get(org.token(), path + "?colour=blue").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aRepeatedPushWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        UUID client = sync.client(org, "Replay Ltd", null);
        String key = UUID.randomUUID().toString();
        Map<?, ?> first = api.post(org.token(), "/api/v1/clients/" + client + "/qbo-push", Map.of(), key).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        Map<?, ?> again = Api.replay(() -> api.post(org.token(), "/api/v1/clients/" + client + "/qbo-push",
                        Map.of(), key))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(realm.writes("Customer")).isEqualTo(1);
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByNameAndNotMadeTwice() {
        UUID client = sync.client(org, "Lost Answer Ltd", "ap@lost.test");
        realm.ignoreRequestIds(true);
        realm.commitThenDropNext("Customer");

        Map<?, ?> pushed = sync.push(org, client);

        assertThat(realm.customers()).hasSize(1);
        assertThat(pushed.get("qboCustomerId")).isEqualTo(realm.customers().get(0).path("Id").asString());
        assertThat((String) pushed.get("note")).contains("answer was lost");
        assertThat(sync.push(org, client).get("operation")).isEqualTo("updated");
        assertThat(realm.customers()).hasSize(1);
    }

    @Test
    void deletingAClientUnlinksItAndLeavesTheCustomer() {
        UUID client = sync.client(org, "Short Lived", null);
        String customerId = (String) sync.push(org, client).get("qboCustomerId");

        api.delete(org.token(), "/api/v1/clients/" + client).exchange().expectStatus().isOk();

        sync.awaitAttempt(client, "PUSH", "UNLINKED");
        assertThat(realm.customer(customerId)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM qbo_link WHERE local_id = ?", Long.class, client))
                .isZero();
    }

    @Test
    void quickBooksChangesComeBackToTheClientAndOlderOnesArriveToNoEffect() {
        UUID client = sync.client(org, "Pull Co", "ap@pull.test");
        String customerId = (String) sync.push(org, client).get("qboCustomerId");
        ObjectNode older = realm.changeCustomer(customerId,
                customer -> customer.putObject("PrimaryEmailAddr").put("Address", "first@pull.test")).deepCopy();
        ObjectNode newer = realm.changeCustomer(customerId,
                customer -> customer.putObject("PrimaryEmailAddr").put("Address", "second@pull.test")).deepCopy();

        changes.apply(org.orgId(), realm.id(), "Customer", newer);
        changes.apply(org.orgId(), realm.id(), "Customer", older);
        changes.apply(org.orgId(), realm.id(), "Customer", newer);

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(sync.clientDetails(org, client).get("email")).isEqualTo("second@pull.test"));
        List<CustomerSyncFixtures.Attempt> pulls = sync.attempts(client).stream()
                .filter(a -> a.payload().contains("\"direction\":\"PULL\"")).toList();
        assertThat(pulls).hasSize(1).first().satisfies(a -> assertThat(a.is("PULL", "UPDATED")).isTrue());
        // The pulled change is not pushed back.
        assertThat(realm.requests()).filteredOn(r -> r.method().equals("POST") && r.body() != null
                && r.body().contains("second@pull.test")).isEmpty();
    }
}
