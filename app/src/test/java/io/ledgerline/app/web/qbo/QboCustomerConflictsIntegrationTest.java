package io.ledgerline.app.web.qbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ledgerline.app.integration.qbo.QboChangeHandlers;
import io.ledgerline.app.integration.qbo.QboPlannedChange;
import io.ledgerline.app.integration.qbo.QboReconciler;
import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboConnect;
import io.ledgerline.app.support.qbo.QboFake;
import io.ledgerline.domain.qbo.QboEntity;
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

/** Both sides changed between syncs, and force resync: the rules that decide which version stands. */
class QboCustomerConflictsIntegrationTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private QboChangeHandlers changes;
    @Autowired
    private List<QboReconciler> reconcilers;

    private QboFake.Realm realm;
    private Api.Org org;
    private CustomerSyncFixtures sync;

    @BeforeEach
    void connect() {
        sync = new CustomerSyncFixtures(api, jdbc);
        org = api.signUp();
        realm = QboFake.shared().newRealm("Conflicted Books");
        QboConnect.connect(api, org, realm);
    }

    @Test
    void whenBothChangedTheNewerQuickBooksChangeWinsAndTheOverwriteIsLogged() {
        UUID client = sync.client(org, "Both Ways Ltd", "ap@both.test");
        String customerId = (String) sync.push(org, client).get("qboCustomerId");
        realm.throttleNext(1, QboFake.Throttle.JSON_429);
        api.patch(org.token(), "/api/v1/clients/" + client, Map.of("phone", "+1 555 0111")).exchange()
                .expectStatus().isOk();
        sync.awaitAttempt(client, "PUSH", "DEFERRED");
        ObjectNode changedThere = realm.changeCustomer(customerId,
                customer -> customer.putObject("PrimaryPhone").put("FreeFormNumber", "+1 555 0999"));

        changes.apply(org.orgId(), realm.id(), "Customer", changedThere.deepCopy());

        CustomerSyncFixtures.Attempt conflict = sync.awaitAttempt(client, "PULL", "CONFLICT");
        assertThat(conflict.payload()).contains("QuickBooks' change").contains("won").contains("+1 555 0111");
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(sync.clientDetails(org, client).get("phone")).isEqualTo("+1 555 0999"));
    }

    @Test
    void whenBothChangedTheNewerLedgerlineChangeWinsAndQuickBooksIsOverwritten() {
        UUID client = sync.client(org, "Local Wins Co", "ap@localwins.test");
        String customerId = (String) sync.push(org, client).get("qboCustomerId");
        ObjectNode olderThere = realm.changeCustomer(customerId,
                customer -> customer.putObject("PrimaryPhone").put("FreeFormNumber", "+1 555 0222")).deepCopy();
        realm.throttleNext(1, QboFake.Throttle.XML_403);
        api.patch(org.token(), "/api/v1/clients/" + client, Map.of("phone", "+1 555 0333")).exchange()
                .expectStatus().isOk();
        sync.awaitAttempt(client, "PUSH", "DEFERRED");

        changes.apply(org.orgId(), realm.id(), "Customer", olderThere);

        CustomerSyncFixtures.Attempt conflict = sync.awaitAttempt(client, "PUSH", "CONFLICT");
        assertThat(conflict.payload()).contains("Ledgerline's change").contains("won").contains("+1 555 0222");
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(sync.clientDetails(org, client).get("phone")).isEqualTo("+1 555 0333"));
        assertThat(sync.lastAttempt(client).is("PUSH", "DEFERRED"))
                .as("the winning change is pushed, here into QuickBooks' backoff").isTrue();
    }

    @Test
    void forceResyncPlansWithoutWritingAndAfterCarryingOutFindsNothing() {
        QboReconciler reconciler = reconcilers.stream().filter(r -> r.entity() == QboEntity.CUSTOMER)
                .findFirst().orElseThrow();
        String differs = realm.addCustomer("Differs Here", "ap@differs.test").path("Id").asString();
        realm.changeCustomer(differs, customer -> customer.putObject("WebAddr").put("URI", "https://old.test"));
        UUID linkedDiffering = sync.client(org, "Differs Here", "ap@differs.test");
        sync.link(org, linkedDiffering, differs);
        String changedThere = realm.addCustomer("Changed There", null).path("Id").asString();
        UUID linkedChanged = sync.client(org, "Changed There", null);
        sync.link(org, linkedChanged, changedThere);
        realm.changeCustomer(changedThere, customer -> customer.putObject("PrimaryEmailAddr")
                .put("Address", "new@there.test"));
        String twin = realm.addCustomer("Twin Name", "ap@twin.test").path("Id").asString();
        UUID unlinkedTwin = sync.client(org, "Twin Name", "ap@twin.test");
        UUID brandNew = sync.client(org, "Brand New Client", null);
        int writesBefore = realm.writes("Customer");

        List<QboPlannedChange> plan = reconciler.plan(org.orgId());

        assertThat(realm.writes("Customer")).as("planning writes nothing").isEqualTo(writesBefore);
        assertThat(plan).extracting(QboPlannedChange::localId, QboPlannedChange::action, QboPlannedChange::qboId)
                .containsExactlyInAnyOrder(
                        tuple(linkedDiffering, QboPlannedChange.Action.UPDATE, differs),
                        tuple(linkedChanged, QboPlannedChange.Action.PULL, changedThere),
                        tuple(unlinkedTwin, QboPlannedChange.Action.LINK, twin),
                        tuple(brandNew, QboPlannedChange.Action.CREATE, null));

        plan.forEach(change -> reconciler.carryOut(org.orgId(), change));

        assertThat(reconciler.plan(org.orgId())).isEmpty();
        assertThat(realm.customer(differs).path("WebAddr").path("URI").asString()).isEmpty();
        assertThat(realm.customers()).hasSize(4);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(sync.clientDetails(org, linkedChanged).get("email")).isEqualTo("new@there.test"));
    }
}
