package io.ledgerline.app.web.qbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboConnect;
import io.ledgerline.app.support.qbo.QboFake;
import io.ledgerline.domain.qbo.ImportQboCustomer;
import io.ledgerline.domain.qbo.QboCustomer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

class QboCustomersIntegrationTest extends IntegrationTest {

    private static final String CUSTOMERS = "/api/v1/integrations/qbo/customers";
    private static final String IMPORT = CUSTOMERS + "/import";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CommandGateway commands;

    private QboFake.Realm realm;
    private Api.Org org;
    private CustomerSyncFixtures sync;

    @BeforeEach
    void connect() {
        sync = new CustomerSyncFixtures(api, jdbc);
        org = api.signUp();
        realm = QboFake.shared().newRealm("Import Books");
        QboConnect.connect(api, org, realm);
    }

    @Test
    void theListShowsLinkedCustomersAndProbableDuplicatesByNameOrEmail() {
        String linked = realm.addCustomer("Linked Ltd", null).path("Id").asString();
        String byName = realm.addCustomer("  northwind   TRADERS ", null).path("Id").asString();
        String byEmail = realm.addCustomer("NW Logistics GmbH", "AP@nwlog.test").path("Id").asString();
        String alone = realm.addCustomer("Nobody Like Us", null).path("Id").asString();
        UUID linkedClient = sync.client(org, "Linked", null);
        sync.link(org, linkedClient, linked);
        UUID nameTwin = sync.client(org, "Northwind Traders", null);
        UUID emailTwin = sync.client(org, "Northwind Logistics", "ap@nwlog.test");

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, Map<String, Object>> byId = list("");
            assertThat(byId.get(linked).get("linkedClientId")).isEqualTo(linkedClient.toString());
            assertThat(byId.get(byName).get("probableDuplicate"))
                    .isEqualTo(Map.of("clientId", nameTwin.toString(), "reason", "name"));
            assertThat(byId.get(byEmail).get("probableDuplicate"))
                    .isEqualTo(Map.of("clientId", emailTwin.toString(), "reason", "email"));
            assertThat(byId.get(alone).get("probableDuplicate")).isNull();
            assertThat(byId.get(alone).get("linkedClientId")).isNull();
        });
    }

    @Test
    void searchEscapesApostrophesAndInactiveCustomersShowOnlyWhenAsked() {
        String adams = realm.addCustomer("Adam's Apples", null).path("Id").asString();
        realm.addCustomer("Bert's Bakery", null);
        String gone = realm.addCustomer("Adam's Old Shop", null).path("Id").asString();
        realm.deactivateCustomer(gone);

        assertThat(list("?search=Adam's")).containsOnlyKeys(adams);
        assertThat(list("?search=Adam's&includeInactive=true")).containsOnlyKeys(adams, gone);
        assertThat(realm.requests()).filteredOn(r -> r.path().endsWith("/query"))
                .anySatisfy(r -> assertThat(r.param("query")).contains("LIKE '%Adam\\'s%'"));
    }

    @Test
    void theListPagesThroughMoreThanAThousandCustomers() {
        for (int i = 0; i < 1005; i++) {
            realm.addCustomer("Customer " + i, null);
        }

        assertThat(list("")).hasSize(1005);
        assertThat(realm.requests()).filteredOn(r -> r.path().endsWith("/query"))
                .anySatisfy(r -> assertThat(r.param("query")).contains("STARTPOSITION 1001"));
    }

    @Test
    void theListNeedsAConnectionCustomerSyncAndThePermissionToEditClients() {
        Api.Org unconnected = api.signUp();
        api.get(unconnected.token(), CUSTOMERS).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.not_connected");
        web.get().uri(CUSTOMERS).exchange().expectStatus().isUnauthorized();
        Api.Session member = api.member(org, "member");
        api.get(member.token(), CUSTOMERS).exchange().expectStatus().isForbidden();
        api.expectBadParameter(org.token(), CUSTOMERS + "?colour=blue", "colour");
        api.expectBadParameter(org.token(), CUSTOMERS + "?includeInactive=maybe", "includeInactive");
        sync.settings(org, false);
        api.get(org.token(), CUSTOMERS).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("qbo.customer_sync_disabled");
    }

    @Test
    void importCreatesLinkedClientsSkipsLinkedOnesAndReportsDuplicates() {
        ObjectNode fresh = realm.addCustomer("Fjord Outfitters", "ap@fjord.test");
        realm.changeCustomer(fresh.path("Id").asString(), customer -> {
            customer.put("GivenName", "Ingrid");
            customer.put("FamilyName", "Dahl");
            customer.putObject("PrimaryPhone").put("FreeFormNumber", "+47 555 0100");
            customer.putObject("WebAddr").put("URI", "https://fjord.test");
            ObjectNode bill = customer.putObject("BillAddr");
            bill.put("Line1", "Bryggen 1");
            bill.put("City", "Bergen");
            bill.put("PostalCode", "5003");
            bill.put("Country", "Norway");
        });
        String freshId = fresh.path("Id").asString();
        String linkedId = realm.addCustomer("Already Linked", null).path("Id").asString();
        UUID linkedClient = sync.client(org, "Already Linked Client", null);
        sync.link(org, linkedClient, linkedId);
        String twinId = realm.addCustomer("Granite Works", null).path("Id").asString();
        UUID twinClient = sync.client(org, "granite works", null);

        Map<String, Map<String, Object>> results = importing(List.of(freshId, linkedId, twinId, "424242"), false);

        assertThat(results.get(linkedId)).containsEntry("outcome", "skipped")
                .containsEntry("clientId", linkedClient.toString());
        assertThat(results.get(twinId)).containsEntry("outcome", "duplicate")
                .containsEntry("clientId", twinClient.toString());
        assertThat(results.get("424242")).containsEntry("outcome", "not_found");
        assertThat(results.get(freshId)).containsEntry("outcome", "imported");
        UUID imported = UUID.fromString((String) results.get(freshId).get("clientId"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<?, ?> client = sync.clientDetails(org, imported);
            assertThat(client.get("name")).isEqualTo("Fjord Outfitters");
            assertThat(client.get("email")).isEqualTo("ap@fjord.test");
            assertThat(client.get("phone")).isEqualTo("+47 555 0100");
            assertThat(client.get("website")).isEqualTo("https://fjord.test");
            assertThat(((Map<?, ?>) client.get("address")).get("city")).isEqualTo("Bergen");
            Map<?, ?> billing = (Map<?, ?>) client.get("billing");
            assertThat(billing.get("contactName")).isEqualTo("Ingrid Dahl");
            assertThat(((Map<?, ?>) billing.get("address")).get("line1")).isEqualTo("Bryggen 1");
            Map<?, ?> qbo = (Map<?, ?>) client.get("qbo");
            assertThat(qbo).as("qbo, once the link read model has it").isNotNull();
            assertThat(qbo.get("customerId")).isEqualTo(freshId);
            assertThat(((Map<?, ?>) client.get("invoiceCounts")).get("paid")).isEqualTo(0);
        });
        assertThat(sync.lastAttempt(imported).is("PULL", "CREATED")).isTrue();
        assertThat(realm.writes("Customer")).isZero();
    }

    @Test
    void aRetriedImportCreatesNoSecondClient() {
        String id = realm.addCustomer("Retry Rentals", null).path("Id").asString();

        Map<String, Object> first = importing(List.of(id), false).get(id);
        Map<String, Object> second = importing(List.of(id), false).get(id);

        assertThat(first.get("outcome")).isEqualTo("imported");
        assertThat(second.get("outcome")).isEqualTo("skipped");
        assertThat(second.get("clientId")).isEqualTo(first.get("clientId"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM client_registry WHERE org_id = ? AND name_key = ?",
                Long.class, org.orgId(), "retry rentals")).isEqualTo(1L);
    }

    @Test
    void aDuplicateIsLinkedToTheClientWithItsNameOnlyWhenAsked() {
        String id = realm.addCustomer("Harbor Freight Co", null).path("Id").asString();
        UUID client = sync.client(org, "Harbor Freight Co", null);

        Map<String, Object> linked = importing(List.of(id), true).get(id);

        assertThat(linked.get("outcome")).isEqualTo("linked");
        assertThat(linked.get("clientId")).isEqualTo(client.toString());
        assertThat(sync.lastAttempt(client).is("PULL", "LINKED")).isTrue();
    }

    @Test
    void whenTheLinkIsRefusedTheImportedClientIsNotStoredEither() {
        String id = realm.addCustomer("Race Condition Ltd", null).path("Id").asString();
        sync.link(org, sync.client(org, "Racer", null), id);
        UUID clientId = UUID.randomUUID();
        QboCustomer customer = new QboCustomer(id, "0", java.time.Instant.now(), true, "Race Condition Ltd", null,
                null, null, null, null, null, null, null);

        assertThatThrownBy(() -> commands.sendAndWait(
                new ImportQboCustomer(org.orgId(), clientId, realm.id(), customer)));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM client_registry WHERE client_id = ?", Long.class,
                clientId)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, clientId.toString())).isZero();
    }

    @Test
    void importIsValidatedAuthorizedAndReplayedForTheSameIdempotencyKey() {
        api.post(org.token(), IMPORT, Map.of("customerIds", List.of())).exchange().expectStatus().isBadRequest();
        api.postRaw(org.token(), IMPORT, "{\"customerIds\": \"1\"}").exchange().expectStatus().isBadRequest();
        web.post().uri(IMPORT).bodyValue(Map.of("customerIds", List.of("1"))).exchange()
                .expectStatus().isUnauthorized();
        Api.Session accountant = api.member(org, "accountant");
        api.post(accountant.token(), IMPORT, Map.of("customerIds", List.of("1"))).exchange()
                .expectStatus().isForbidden();
        Api.Org unconnected = api.signUp();
        api.post(unconnected.token(), IMPORT, Map.of("customerIds", List.of("1"))).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("qbo.not_connected");

        String id = realm.addCustomer("Keyed Imports", null).path("Id").asString();
        String key = UUID.randomUUID().toString();
        Map<?, ?> first = api.post(org.token(), IMPORT, Map.of("customerIds", List.of(id)), key).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = Api.replay(() -> api.post(org.token(), IMPORT, Map.of("customerIds", List.of(id)), key))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
        assertThat(((Map<?, ?>) ((List<?>) first.get("items")).get(0)).get("outcome")).isEqualTo("imported");
    }

    private Map<String, Map<String, Object>> list(String query) {
        List<?> items = (List<?>) api.get(org.token(), CUSTOMERS + query).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
        return byKey(items, "id");
    }

    private Map<String, Map<String, Object>> importing(List<String> ids, boolean linkDuplicates) {
        List<?> items = (List<?>) api.post(org.token(), IMPORT,
                        Map.of("customerIds", ids, "linkDuplicates", linkDuplicates)).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
        return byKey(items, "qboCustomerId");
    }

    private static Map<String, Map<String, Object>> byKey(List<?> items, String key) {
        Map<String, Map<String, Object>> byKey = new java.util.LinkedHashMap<>();
        for (Object item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) item;
            byKey.put((String) entry.get(key), entry);
        }
        return byKey;
    }
}
