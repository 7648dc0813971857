package io.ledgerline.app.integration.qbo;

import static io.ledgerline.app.integration.qbo.IntuitOnMockWebServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.integration.qbo.QboException.Kind;
import io.ledgerline.app.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.TemporalUnitOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client against Intuit as the contract describes it (a MockWebServer following §1 and §3), with its tokens in
 * the real database: refresh, rotation, races, throttling, paging, faults, lost answers.
 */
class OkHttpQboApiIntegrationTest extends IntegrationTest {

    private static final String CUSTOMER = "{\"Customer\":{\"Id\":\"58\",\"SyncToken\":\"0\",\"DisplayName\":\"Acme\"},"
            + "\"time\":\"2026-03-01T10:00:00.000-08:00\"}";

    @Autowired
    private QboTokenStore store;
    @Autowired
    private JsonMapper json;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;

    private final IntuitOnMockWebServer intuit = new IntuitOnMockWebServer();
    private final MockWebServer server = new MockWebServer();
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final UUID org = UUID.randomUUID();
    private final String realm = "9341" + Math.abs(org.getLeastSignificantBits() % 1_000_000_000L);
    private OkHttpQboApi qbo;

    @BeforeEach
    void startIntuit() throws Exception {
        server.setDispatcher(intuit);
        server.start();
        qbo = client(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopIntuit() {
        server.close();
    }

    @Test
    void refreshesAStaleAccessTokenAndKeepsTheRotatedRefreshTokenBeforeCalling() {
        String[] first = connect(Duration.ofSeconds(30));
        intuit.hardExpiresInSeconds = 157_680_000;
        intuit.api = request -> json(200, CUSTOMER);

        qbo.read(org, "Customer", "58");

        assertThat(intuit.tokenRequests).hasSize(1);
        assertThat(IntuitOnMockWebServer.form(intuit.tokenRequests.get(0)))
                .containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", first[1]);
        assertThat(intuit.apiRequests.get(0).getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
        assertThat(store.refreshTokenOf(org)).contains("refresh-2");
        assertThat(store.refreshHardExpiresAt(org)).hasValueSatisfying(hardExpiry ->
                assertThat(hardExpiry).isCloseTo(clock.instant().plusSeconds(157_680_000), within()));

        qbo.read(org, "Customer", "58");

        assertThat(intuit.tokenRequests).as("the fresh token is reused").hasSize(1);
    }

    @Test
    void manyConcurrentCallersInTwoProcessesRefreshOnce() throws Exception {
        connect(Duration.ofSeconds(10));
        intuit.tokenDelayMillis = 300;
        intuit.api = request -> json(200, CUSTOMER);
        OkHttpQboApi otherProcess = client(Duration.ofSeconds(10));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<QboReply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                OkHttpQboApi process = i % 2 == 0 ? qbo : otherProcess;
                replies.add(callers.submit(() -> process.read(org, "Customer", "58")));
            }
            for (Future<QboReply> reply : replies) {
                assertThat(reply.get().entity().path("Id").asString()).isEqualTo("58");
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(intuit.tokenRequests).hasSize(1);
        assertThat(published).isEmpty();
        assertThat(intuit.apiRequests).allSatisfy(request ->
                assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer access-2"));
    }

    @Test
    void anInvalidGrantWithANewerStoredRefreshTokenRetriesOnceWithIt() {
        String[] first = connect(Duration.ofSeconds(10));
        List<String> siblingsTokens = new CopyOnWriteArrayList<>();
        intuit.beforeRefresh = presented -> {
            if (presented.equals(first[1])) {
                // A sibling that does not wait for our row lock refreshed with the same token and stores its own.
                String[] sibling = intuit.rotateAway(presented);
                siblingsTokens.add(sibling[1]);
                Thread writer = new Thread(() -> store.store(org, realm, new QboTokens(sibling[0],
                        clock.instant().plusSeconds(10), sibling[1], clock.instant().plus(100, ChronoUnit.DAYS),
                        null)));
                writer.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO qbo_token%'""", Integer.class) > 0);
            }
            return presented;
        };
        intuit.api = request -> json(200, CUSTOMER);

        qbo.read(org, "Customer", "58");

        assertThat(intuit.tokenRequests).extracting(request -> IntuitOnMockWebServer.form(request).get("refresh_token"))
                .containsExactly(first[1], siblingsTokens.get(0));
        assertThat(published).isEmpty();
        assertThat(store.refreshTokenOf(org)).contains("refresh-3");
    }

    @Test
    void anInvalidGrantWithNoNewerTokenEndsTheAuthorizationWithoutRetrying() {
        String[] first = connect(Duration.ofSeconds(10));
        intuit.rotateAway(first[1]);

        assertThatThrownBy(() -> qbo.read(org, "Customer", "58"))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHORIZATION_EXPIRED);
                    assertThat(e.fault().code()).isEqualTo("invalid_grant");
                });

        assertThat(intuit.tokenRequests).hasSize(1);
        assertThat(published).containsExactly(new QboAuthorizationLost(org, realm,
                "QuickBooks refused the refresh token (invalid_grant)"));
        assertThatThrownBy(() -> qbo.read(org, "Customer", "58"))
                .isInstanceOfSatisfying(QboException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.AUTHORIZATION_EXPIRED));
        assertThat(intuit.tokenRequests).as("no call reaches Intuit once expired").hasSize(1);
        assertThat(intuit.apiRequests).isEmpty();
    }

    @Test
    void a401IsAnsweredByOneRefreshAndAReplayWithTheSameRequestId() {
        connect(Duration.ofMinutes(50));
        intuit.expireAccessTokens();
        intuit.api = request -> json(200, CUSTOMER);

        QboReply reply = qbo.create(org, "Customer", customer("Acme"), "create-client-7");

        assertThat(reply.entity().path("Id").asString()).isEqualTo("58");
        assertThat(intuit.tokenRequests).hasSize(1);
        assertThat(intuit.apiRequests).hasSize(2).allSatisfy(request -> {
            assertThat(request.getUrl().queryParameter("requestid")).isEqualTo("create-client-7");
            assertThat(request.getUrl().queryParameter("minorversion")).isEqualTo("75");
            assertThat(request.getUrl().encodedPath()).isEqualTo("/v3/company/" + realm + "/customer");
            assertThat(request.getBody().utf8()).isEqualTo("{\"DisplayName\":\"Acme\"}");
        });
    }

    @Test
    void aSecond401EndsTheAuthorization() {
        connect(Duration.ofMinutes(50));
        intuit.expireAccessTokens();
        intuit.api = request -> json(401, """
                {"fault":{"error":[{"message":"AuthenticationFailed","code":"3200"}],"type":"AUTHENTICATION"}}""");

        assertThatThrownBy(() -> qbo.read(org, "Customer", "58"))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHORIZATION_EXPIRED);
                    assertThat(e.fault().code()).isEqualTo("3200");
                });

        assertThat(intuit.apiRequests).hasSize(2);
        assertThat(published).hasSize(1);
        assertThatThrownBy(() -> qbo.read(org, "Customer", "58")).isInstanceOf(QboException.class);
        assertThat(intuit.apiRequests).hasSize(2);
    }

    @Test
    void fault120IsAccessDeniedAndEndsTheAuthorization() {
        connect(Duration.ofMinutes(50));
        intuit.api = request -> json(403, """
                {"Fault":{"Error":[{"Message":"Authorization Failure","Detail":"AuthorizationFailure: \
                Unknown Error during Authentication, statusCode: 403","code":"120"}],"type":"AuthorizationFault"}}""");

        assertThatThrownBy(() -> qbo.read(org, "Customer", "58"))
                .isInstanceOfSatisfying(QboException.class, e -> assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED));
        assertThat(published).singleElement().isInstanceOf(QboAuthorizationLost.class);
    }

    @Test
    void anOrganizationWithoutTokensIsNotConnected() {
        assertThatThrownBy(() -> qbo.query(org, "Customer", null))
                .isInstanceOfSatisfying(QboException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_CONNECTED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aJson429ThrottlesTheRealmForTheBackoffWithoutCallingAgain() {
        connect(Duration.ofMinutes(50));
        intuit.api = request -> json(429, """
                {"Fault":{"Error":[{"Message":"message=ThrottleExceeded; errorCode=003001; statusCode=429",\
                "Detail":"The request limit was reached.","code":"3001"}],"type":"SERVICE"}}""");

        assertThatThrownBy(() -> qbo.read(org, "Customer", "58"))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
                    assertThat(e.retryAfterSeconds()).isEqualTo(60);
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThatThrownBy(() -> qbo.create(org, "Customer", customer("Acme"), "r-1"))
                .isInstanceOfSatisfying(QboException.class, e -> assertThat(e.kind()).isEqualTo(Kind.THROTTLED));

        assertThat(intuit.apiRequests).hasSize(1);
    }

    @Test
    void anXmlThrottleFaultWithStatus403ThrottlesToo() {
        connect(Duration.ofMinutes(50));
        intuit.api = request -> new MockResponse.Builder().code(403).addHeader("Content-Type", "application/xml")
                .addHeader("intuit_tid", "tid-xml")
                .body("""
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="2024-09-05T10:00:00.000-07:00">
                        <Fault type="SERVICE"><Error code="3001"><Message>message=ThrottleExceeded; errorCode=003001; \
                        statusCode=403</Message><Detail>The request limit was reached.</Detail></Error></Fault>
                        </IntuitResponse>""").build();

        assertThatThrownBy(() -> qbo.query(org, "Customer", null))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
                    assertThat(e.fault().code()).isEqualTo("3001");
                    assertThat(e.intuitTid()).isEqualTo("tid-xml");
                });
        assertThatThrownBy(() -> qbo.query(org, "Customer", null)).isInstanceOf(QboException.class);
        assertThat(intuit.apiRequests).hasSize(1);
    }

    @Test
    void pagesThroughMoreThanAThousandRecordsUntilAShortPage() {
        connect(Duration.ofMinutes(50));
        Pattern page = Pattern.compile("STARTPOSITION (\\d+) MAXRESULTS (\\d+)$");
        intuit.api = request -> {
            Matcher matcher = page.matcher(request.getUrl().queryParameter("query"));
            assertThat(matcher.find()).isTrue();
            int start = Integer.parseInt(matcher.group(1));
            int count = start == 2001 ? 5 : 1000;
            StringBuilder customers = new StringBuilder();
            for (int i = 0; i < count; i++) {
                customers.append(i == 0 ? "" : ",").append("{\"Id\":\"").append(start + i).append("\"}");
            }
            return json(200, "{\"QueryResponse\":{\"Customer\":[" + customers + "],\"startPosition\":" + start
                    + ",\"maxResults\":" + count + "},\"time\":\"2026-03-01T10:00:00-08:00\"}");
        };

        List<ObjectNode> customers = qbo.query(org, "Customer", "Active IN (true, false)");

        assertThat(customers).hasSize(2005);
        assertThat(customers.get(2004).path("Id").asString()).isEqualTo("2005");
        assertThat(intuit.apiRequests).extracting(request -> request.getUrl().queryParameter("query")).containsExactly(
                "SELECT * FROM Customer WHERE Active IN (true, false) STARTPOSITION 1 MAXRESULTS 1000",
                "SELECT * FROM Customer WHERE Active IN (true, false) STARTPOSITION 1001 MAXRESULTS 1000",
                "SELECT * FROM Customer WHERE Active IN (true, false) STARTPOSITION 2001 MAXRESULTS 1000");
    }

    @Test
    void aQueryWithApostrophesAndTypographicPunctuationArrivesIntactAndAMissingEntityKeyIsEmpty() {
        connect(Duration.ofMinutes(50));
        intuit.api = request -> json(200, "{\"QueryResponse\":{},\"time\":\"2026-03-01T10:00:00-08:00\"}");
        String where = "DisplayName = " + QboApi.quote("O'Brien’s – \\ Partners");

        assertThat(qbo.query(org, "Customer", where)).isEmpty();

        HttpUrl url = intuit.apiRequests.get(0).getUrl();
        assertThat(url.queryParameter("query")).isEqualTo(
                "SELECT * FROM Customer WHERE DisplayName = 'O\\'Brien’s – \\\\ Partners' STARTPOSITION 1 MAXRESULTS 1000");
        assertThat(url.encodedQuery()).doesNotContain("’", "–", " ", "'");
    }

    @Test
    void aBatchRunsInChunksOf30AndKeepsEachItemsFault() {
        connect(Duration.ofMinutes(50));
        intuit.api = request -> {
            StringBuilder responses = new StringBuilder();
            int i = 0;
            for (var item : json.readTree(request.getBody().utf8()).path("BatchItemRequest")) {
                String bId = item.path("bId").asString();
                responses.append(i++ == 0 ? "" : ",").append(bId.equals("2")
                        ? "{\"bId\":\"2\",\"Fault\":{\"Error\":[{\"Message\":\"Duplicate Document Number Error\","
                                + "\"code\":\"6140\"}],\"type\":\"ValidationFault\"}}"
                        : "{\"bId\":\"" + bId + "\",\"Invoice\":{\"Id\":\"" + (100 + Integer.parseInt(bId)) + "\"}}");
            }
            return json(200, "{\"BatchItemResponse\":[" + responses + "],\"time\":\"2026-03-01T10:00:00-08:00\"}");
        };
        List<QboBatchItem> items = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            items.add(new QboBatchItem(String.valueOf(i), "create", "Invoice",
                    json.createObjectNode().put("DocNumber", "INV-" + i), null));
        }

        List<QboBatchResult> results = qbo.batch(org, items);

        assertThat(intuit.apiRequests).hasSize(2);
        assertThat(json.readTree(intuit.apiRequests.get(0).getBody().utf8()).path("BatchItemRequest")).hasSize(30);
        assertThat(results).hasSize(31);
        assertThat(results.get(0).entity().path("Id").asString()).isEqualTo("101");
        assertThat(results.get(1).failed()).isTrue();
        assertThat(results.get(1).fault().code()).isEqualTo("6140");
        assertThat(results.get(30).bId()).isEqualTo("31");
    }

    @Test
    void aCreateWhoseAnswerNeverComesIsUnavailableWithAnUnknownOutcome() {
        connect(Duration.ofMinutes(50));
        OkHttpQboApi impatient = client(Duration.ofMillis(500));
        intuit.api = request -> new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();

        assertThatThrownBy(() -> impatient.create(org, "Invoice", json.createObjectNode().put("DocNumber", "1"),
                "push-invoice-1"))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.httpStatus()).isZero();
                });
        assertThatThrownBy(() -> impatient.read(org, "Invoice", "1"))
                .isInstanceOfSatisfying(QboException.class, e -> assertThat(e.outcomeUnknown()).isFalse());
    }

    @Test
    void aDroppedConnectionAfterTheCreateWasSentIsAnUnknownOutcome() {
        connect(Duration.ofMinutes(50));
        intuit.api = request -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();

        assertThatThrownBy(() -> qbo.create(org, "Invoice", json.createObjectNode().put("DocNumber", "1"), "p-1"))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.outcomeUnknown()).isTrue();
                });
    }

    @Test
    void lowercaseAndUppercaseFaultsKeepTheirCodeMessageDetailAndIntuitTid() {
        connect(Duration.ofMinutes(50));
        intuit.api = request -> request.getUrl().encodedPath().endsWith("/customer") ? json(400, """
                {"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"The name supplied already \
                exists.","code":"6240","element":""}],"type":"ValidationFault"},"time":"2026-03-01T10:00:00-08:00"}""")
                : json(400, """
                {"fault":{"error":[{"message":"Stale Object Error","detail":"Stale Object Error : You and root were \
                working on this at the same time.","code":"5010"}],"type":"ValidationFault"}}""");

        assertThatThrownBy(() -> qbo.create(org, "Customer", customer("Acme"), "c-1"))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DUPLICATE_NAME);
                    assertThat(e.fault().detail()).isEqualTo("The name supplied already exists.");
                    assertThat(e.intuitTid()).startsWith("tid-400-");
                    assertThat(e.outcomeUnknown()).isFalse();
                });
        assertThatThrownBy(() -> qbo.update(org, "Invoice", json.createObjectNode().put("Id", "7")
                .put("SyncToken", "0").put("sparse", true), "u-1"))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.STALE_OBJECT);
                    assertThat(e.fault().message()).isEqualTo("Stale Object Error");
                });
    }

    @Test
    void voidsAnInvoiceWithItsIdAndSyncToken() {
        connect(Duration.ofMinutes(50));
        intuit.api = request -> json(200, "{\"Invoice\":{\"Id\":\"130\",\"SyncToken\":\"3\",\"Balance\":0},"
                + "\"time\":\"2026-03-01T10:00:00-08:00\"}");

        QboReply reply = qbo.voidInvoice(org, "130", "2", "void-130");

        assertThat(reply.entity().path("SyncToken").asString()).isEqualTo("3");
        RecordedRequest request = intuit.apiRequests.get(0);
        assertThat(request.getUrl().queryParameter("operation")).isEqualTo("void");
        assertThat(request.getUrl().queryParameter("requestid")).isEqualTo("void-130");
        assertThat(request.getBody().utf8()).isEqualTo("{\"Id\":\"130\",\"SyncToken\":\"2\"}");
    }

    @Test
    void changeDataCaptureKeepsDeletionsAndRefusesMoreThan30Days() {
        connect(Duration.ofMinutes(50));
        intuit.api = request -> json(200, """
                {"CDCResponse":[{"QueryResponse":[{"Customer":[{"Id":"58","SyncToken":"2"}],"startPosition":1},\
                {"Invoice":[{"Id":"130","status":"Deleted","MetaData":{"LastUpdatedTime":"2026-03-01T10:00:00-08:00"}}]}\
                ]}],"time":"2026-03-01T10:00:00-08:00"}""");

        QboChanges changes = qbo.changes(org, Set.of("Invoice", "Customer"), clock.instant().minus(Duration.ofDays(2)));

        assertThat(changes.of("Customer")).hasSize(1);
        assertThat(changes.of("Invoice").get(0).path("status").asString()).isEqualTo("Deleted");
        assertThat(changes.of("Payment")).isEmpty();
        assertThat(changes.saturated()).isFalse();
        assertThat(intuit.apiRequests.get(0).getUrl().queryParameter("entities")).isEqualTo("Customer,Invoice");
        assertThatThrownBy(() -> qbo.changes(org, Set.of("Invoice"), clock.instant().minus(Duration.ofDays(31))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(intuit.apiRequests).hasSize(1);
    }

    @Test
    void readsTheCompanyName() {
        connect(Duration.ofMinutes(50));
        intuit.api = request -> json(200, "{\"CompanyInfo\":{\"CompanyName\":\"Octayne Studio\",\"Id\":\"1\"}}");

        assertThat(qbo.companyName(org)).isEqualTo("Octayne Studio");
        assertThat(intuit.apiRequests.get(0).getUrl().encodedPath())
                .isEqualTo("/v3/company/" + realm + "/companyinfo/" + realm);
    }

    @Test
    void connectsWithAnAuthorizationCodeAndRevokesBestEffort() {
        var url = HttpUrl.get(qbo.authorizationUrl("state-123"));
        assertThat(url.queryParameter("response_type")).isEqualTo("code");
        assertThat(url.queryParameter("client_id")).isEqualTo("client-id");
        assertThat(url.queryParameter("scope")).isEqualTo("com.intuit.quickbooks.accounting");
        assertThat(url.queryParameter("redirect_uri")).isEqualTo("https://ledgerline.example/qbo/callback");
        assertThat(url.queryParameter("state")).isEqualTo("state-123");

        QboTokens tokens = qbo.exchangeCode("code-abc");

        assertThat(tokens.accessToken()).isEqualTo("access-1");
        assertThat(tokens.refreshToken()).isEqualTo("refresh-1");
        assertThat(tokens.accessExpiresAt()).isCloseTo(clock.instant().plusSeconds(3600), within());
        assertThat(tokens.refreshExpiresAt()).isCloseTo(clock.instant().plusSeconds(8_726_400), within());
        RecordedRequest exchange = intuit.tokenRequests.get(0);
        assertThat(exchange.getHeaders().get("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("client-id:client-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(IntuitOnMockWebServer.form(exchange)).containsEntry("grant_type", "authorization_code")
                .containsEntry("code", "code-abc")
                .containsEntry("redirect_uri", "https://ledgerline.example/qbo/callback");
        assertThat(tokens.toString()).doesNotContain("access-1", "refresh-1");

        assertThat(qbo.revoke("refresh-1")).isTrue();
        server.close();
        assertThat(qbo.revoke("refresh-1")).isFalse();
    }

    @Test
    void storesTokensOnlyEncrypted() {
        connect(Duration.ofMinutes(50));

        byte[] row = jdbc.queryForObject("""
                SELECT convert_to(realm_id, 'UTF8') || access_token || refresh_token FROM qbo_token WHERE org_id = ?""",
                byte[].class, org);

        String raw = new String(row, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains(realm).doesNotContain("access-1", "refresh-1");
        assertThat(store.refreshTokenOf(org)).contains("refresh-1");
        jdbc.update("UPDATE qbo_token SET access_token = refresh_token WHERE org_id = ?", org);
        assertThatThrownBy(() -> qbo.read(org, "Customer", "58"))
                .as("a ciphertext moved to another column does not open")
                .isInstanceOf(IllegalStateException.class);
        assertThat(intuit.apiRequests).isEmpty();
        store.delete(org);
        assertThat(store.realmOf(org)).isEmpty();
    }

    private String[] connect(Duration accessTokenLeft) {
        String[] pair = intuit.issue();
        Instant now = clock.instant();
        store.store(org, realm, new QboTokens(pair[0], now.plus(accessTokenLeft), pair[1],
                now.plus(100, ChronoUnit.DAYS), null));
        return pair;
    }

    private OkHttpQboApi client(Duration timeout) {
        String base = server.url("/").toString().replaceAll("/$", "");
        QboProperties properties = new QboProperties("client-id", "client-secret",
                "https://ledgerline.example/qbo/callback", "verifier", "sandbox", base + "/connect/oauth2",
                base + IntuitOnMockWebServer.TOKEN_PATH, base + IntuitOnMockWebServer.REVOKE_PATH, base, 500, 10,
                Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofMinutes(15), timeout, "");
        return new OkHttpQboApi(properties, store, json, published::add, clock);
    }

    private ObjectNode customer(String name) {
        return json.createObjectNode().put("DisplayName", name);
    }

    private static TemporalUnitOffset within() {
        return Assertions.within(5, ChronoUnit.SECONDS);
    }
}
