package io.ledgerline.app.integration.qbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.app.integration.qbo.QboException.Kind;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboFake;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The application's client bean against the QuickBooks fake, connected the way the OAuth callback connects. */
@RecordApplicationEvents
class QboClientAgainstTheFakeIntegrationTest extends IntegrationTest {

    @Autowired
    private QboApi qbo;
    @Autowired
    private QboTokenStore store;
    @Autowired
    private JsonMapper json;
    @Autowired
    private Clock clock;
    @Autowired
    private ApplicationEvents events;

    private final UUID org = UUID.randomUUID();
    private QboFake.Realm realm;

    @BeforeEach
    void connect() {
        realm = QboFake.shared().newRealm("Octayne Studio");
        QboTokens tokens = qbo.exchangeCode(QboFake.shared().authorizationCode(realm));
        store.store(org, realm.id(), tokens);
    }

    @Test
    void connectsStoresTheHardExpiryAndReadsTheCompany() {
        assertThat(qbo.companyName(org)).isEqualTo("Octayne Studio");
        assertThat(store.refreshHardExpiresAt(org)).hasValueSatisfying(hardExpiry ->
                assertThat(hardExpiry).isAfter(clock.instant().plus(4 * 365, ChronoUnit.DAYS)));
        assertThat(store.realmOf(org)).contains(realm.id());
    }

    @Test
    void findsACustomerWhoseNameHasAnApostropheATypographicQuoteAndADash() {
        realm.addCustomer("O'Brien’s – Design", "hello@obrien.example");
        realm.addCustomer("Someone Else", "else@example.com");

        List<ObjectNode> found = qbo.query(org, "Customer", "DisplayName = " + QboApi.quote("O'Brien’s – Design"));

        assertThat(found).singleElement().satisfies(customer ->
                assertThat(customer.path("PrimaryEmailAddr").path("Address").asString())
                        .isEqualTo("hello@obrien.example"));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceTheRotatedTokenKeptAndTheWriteReplayedWithItsRequestId() {
        realm.expireAccessToken();
        realm.rotateRefreshTokenOnNextRefresh();

        QboReply created = qbo.create(org, "Customer", json.createObjectNode().put("DisplayName", "Acme Ltd"),
                "client-acme-1");

        assertThat(created.entity().path("Id").asString()).isNotBlank();
        assertThat(realm.refreshCount()).isEqualTo(1);
        assertThat(store.refreshTokenOf(org)).contains(realm.refreshToken());
        assertThat(realm.writes("Customer")).isEqualTo(1);
        assertThat(realm.requests()).filteredOn(request -> request.path().endsWith("/customer"))
                .hasSize(2).allSatisfy(request -> assertThat(request.param("requestid")).isEqualTo("client-acme-1"));
    }

    @Test
    void concurrentCallersRefreshOnce() throws Exception {
        realm.expireAccessToken();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> names = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                names.add(callers.submit(() -> qbo.companyName(org)));
            }
            for (Future<String> name : names) {
                assertThat(name.get()).isEqualTo("Octayne Studio");
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(realm.refreshCount()).isEqualTo(1);
    }

    @Test
    void aRevokedGrantEndsTheAuthorizationAndStopsCalling() {
        realm.revokeRefreshToken();

        assertThatThrownBy(() -> qbo.companyName(org))
                .isInstanceOfSatisfying(QboException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.AUTHORIZATION_EXPIRED));
        assertThat(events.stream(QboAuthorizationLost.class)).singleElement()
                .satisfies(lost -> assertThat(lost.realmId()).isEqualTo(realm.id()));
        int requests = realm.requests().size();

        assertThatThrownBy(() -> qbo.query(org, "Customer", null))
                .isInstanceOfSatisfying(QboException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.AUTHORIZATION_EXPIRED));
        assertThat(realm.requests()).hasSize(requests);
        assertThat(events.stream(QboAuthorizationLost.class)).hasSize(1);
    }

    @Test
    void throttlingInEitherShapeBacksTheRealmOffWithoutFurtherCalls() {
        realm.throttleNext(1, QboFake.Throttle.XML_403);

        assertThatThrownBy(() -> qbo.query(org, "Customer", null))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
                    assertThat(e.retryAfterSeconds()).isEqualTo(60);
                    assertThat(e.fault().code()).isEqualTo("3001");
                });
        int requests = realm.requests().size();
        assertThatThrownBy(() -> qbo.read(org, "Customer", "1"))
                .isInstanceOfSatisfying(QboException.class, e -> assertThat(e.kind()).isEqualTo(Kind.THROTTLED));
        assertThat(realm.requests()).hasSize(requests);

        QboFake.Realm other = QboFake.shared().newRealm("Other company");
        UUID otherOrg = UUID.randomUUID();
        store.store(otherOrg, other.id(), qbo.exchangeCode(QboFake.shared().authorizationCode(other)));
        other.throttleNext(1, QboFake.Throttle.JSON_429);
        assertThatThrownBy(() -> qbo.query(otherOrg, "Customer", null))
                .isInstanceOfSatisfying(QboException.class, e -> assertThat(e.kind()).isEqualTo(Kind.THROTTLED));
    }

    @Test
    void aCreateCommittedButNeverAnsweredIsAnUnknownOutcomeThatALookupByDocNumberResolves() {
        ObjectNode customer = realm.addCustomer("Acme Ltd", "ap@acme.example");
        realm.commitThenDropNext("Invoice");
        ObjectNode invoice = json.createObjectNode().put("DocNumber", "INV-2026-0007").put("TxnDate", "2026-03-01");
        invoice.putObject("CustomerRef").put("value", customer.path("Id").asString());
        ObjectNode line = invoice.putArray("Line").addObject().put("Amount", new BigDecimal("120.00"))
                .put("DetailType", "SalesItemLineDetail");
        line.putObject("SalesItemLineDetail").put("Qty", 1).put("UnitPrice", new BigDecimal("120.00"))
                .putObject("ItemRef").put("value", "1");

        assertThatThrownBy(() -> qbo.create(org, "Invoice", invoice, "invoice-7-v3-g0"))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.outcomeUnknown()).isTrue();
                });

        assertThat(qbo.query(org, "Invoice", "DocNumber = " + QboApi.quote("INV-2026-0007"))).singleElement()
                .satisfies(found -> assertThat(found.path("TotalAmt").decimalValue()).isEqualByComparingTo("120.00"));
        assertThat(realm.invoicesByDocNumber("INV-2026-0007")).hasSize(1);
    }

    @Test
    void pagesPastAThousandCustomers() {
        for (int i = 0; i < 1003; i++) {
            realm.addCustomer("Customer " + i, null);
        }

        assertThat(qbo.query(org, "Customer", null)).hasSize(1003);
        assertThat(realm.requests()).filteredOn(request -> request.path().endsWith("/query")).hasSize(2);
    }

    @Test
    void lowercaseFaultsAreReadLikeTheOthers() {
        realm.addCustomer("Acme Ltd", null);
        realm.lowercaseFaults(true);

        assertThatThrownBy(() -> qbo.create(org, "Customer", json.createObjectNode().put("DisplayName", "Acme Ltd"),
                "client-acme-2"))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DUPLICATE_NAME);
                    assertThat(e.fault().code()).isEqualTo("6240");
                    assertThat(e.fault().message()).isNotBlank();
                    assertThat(e.intuitTid()).isNotBlank();
                });
    }

    @Test
    void aBatchReportsEachItemsSuccessOrFault() {
        ObjectNode customer = realm.addCustomer("Acme Ltd", null);
        realm.addInvoice(customer.path("Id").asString(), "INV-1", new BigDecimal("50.00"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        List<QboBatchItem> items = List.of(
                new QboBatchItem("q", "query", null, null, "SELECT * FROM Invoice WHERE DocNumber = 'INV-1'"),
                new QboBatchItem("dup", "create", "Customer",
                        json.createObjectNode().put("DisplayName", "Acme Ltd"), null),
                new QboBatchItem("new", "create", "Customer",
                        json.createObjectNode().put("DisplayName", "Brand New Ltd"), null));

        List<QboBatchResult> results = qbo.batch(org, items);

        assertThat(results).extracting(QboBatchResult::bId).containsExactlyInAnyOrder("q", "dup", "new");
        assertThat(results).filteredOn(result -> result.bId().equals("dup")).singleElement()
                .satisfies(result -> assertThat(result.fault().code()).isEqualTo("6240"));
        assertThat(results).filteredOn(result -> result.bId().equals("new")).singleElement()
                .satisfies(result -> assertThat(result.entity().path("DisplayName").asString())
                        .isEqualTo("Brand New Ltd"));
        assertThat(results).filteredOn(result -> result.bId().equals("q")).singleElement()
                .satisfies(result -> assertThat(result.entity().path("Invoice")).hasSize(1));
    }
}
