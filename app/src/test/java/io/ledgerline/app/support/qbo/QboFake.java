package io.ledgerline.app.support.qbo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * QuickBooks Online and Intuit's OAuth endpoints, faked on one MockWebServer for the whole test JVM, following
 * {@code shared/contracts/quickbooks-online.md}: the token endpoint (code exchange, refresh with optional rotation,
 * {@code invalid_grant}), revocation, and under {@code /v3/company/{realmId}/} the query language, customers,
 * invoices (SyncToken, void, delete), payments, CompanyInfo, change data capture, batch and {@code requestid}
 * replay, answering with QuickBooks' envelopes and faults.
 * <p>
 * Tests isolate themselves with a fresh company each ({@link #newRealm}); everything on a {@link Realm} (its data,
 * its tokens, the requests it received, the faults injected into it) belongs to that company only. The fake is
 * thread-safe: a realm serves one request at a time, as a small company's books would.
 * <p>
 * Beyond the API the common rules list: {@link Realm#addItem}, {@link Realm#item}, {@link Realm#deactivateItem}, {@link Realm#payment},
 * {@link Realm#payments}, {@link Realm#changeInvoice}, {@link Realm#vendor}, {@link Realm#employee},
 * {@link Realm#revokeAccess} (fault 120), {@link #realm(String)}, {@link #cloudEvents}, and the fixed credentials
 * ({@link #CLIENT_ID} …) that {@code IntegrationTest} configures.
 * <p>
 * Choices where Intuit documents nothing, so that code written against the fake stays safe against the real thing:
 * a {@code requestid}'s first answer is replayed for every repeat, faults included (a retry after changing the
 * request, for example after 5010, needs a fresh requestid); a throttle, a 5xx from {@link Realm#failNext} and a
 * 401 happen before the service and are never remembered; {@code MetaData} times carry milliseconds and never repeat
 * within a company, so "newer than" is always decidable.
 */
public final class QboFake {

    public static final String CLIENT_ID = "ledgerline-test-client";
    public static final String CLIENT_SECRET = "ledgerline-test-client-secret";
    public static final String REDIRECT_URI = "https://ledgerline.test/api/v1/integrations/qbo/callback";
    public static final String VERIFIER_TOKEN = "ledgerline-test-webhook-verifier";

    public static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";
    public static final String REVOKE_PATH = "/v2/oauth2/tokens/revoke";
    public static final String AUTHORIZE_PATH = "/connect/oauth2";

    static final long ACCESS_TOKEN_SECONDS = 3600;
    static final long REFRESH_TOKEN_SECONDS = 8_726_400;
    /** Intuit's 2025 cap: no refresh token lives longer than five years from the first consent. */
    static final long REFRESH_TOKEN_HARD_SECONDS = 5L * 365 * 24 * 3600;
    static final int BATCH_LIMIT = 30;
    static final int CDC_LIMIT = 1000;
    static final Duration CDC_LOOK_BACK = Duration.ofDays(30);
    static final ZoneOffset COMPANY_OFFSET = ZoneOffset.ofHours(-7);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile QboFake shared;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Realm> realms = new ConcurrentHashMap<>();
    /** Every code and refresh token ever issued, so that a refused one is still recorded on its realm. */
    private final Map<String, Realm> codes = new ConcurrentHashMap<>();
    private final Map<String, Realm> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Realm> issuedRefreshTokens = new ConcurrentHashMap<>();

    /** How the next throttled answers look: Intuit sends both (contract §3, pitfall 2). */
    public enum Throttle {
        /** 429 with a JSON {@code Fault} 3001. */
        JSON_429,
        /** 403 with an XML {@code IntuitResponse} holding fault 3001, as older gateways answer. */
        XML_403
    }

    /** One request as a realm received it; the {@code Authorization} header is left out. */
    public record Request(String method, String path, Map<String, List<String>> query, String body,
                          Map<String, List<String>> headers) {

        /** The first value of a query parameter, or {@code null}. */
        public String param(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The body as JSON (for writes and batches). */
        public ObjectNode json() {
            return (ObjectNode) JSON.readTree(body);
        }
    }

    private QboFake() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return QboFake.this.dispatch(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "qbo-fake-shutdown"));
    }

    /** The fake every test in this JVM shares, started on first use. */
    public static QboFake shared() {
        QboFake fake = shared;
        if (fake == null) {
            synchronized (QboFake.class) {
                fake = shared;
                if (fake == null) {
                    fake = new QboFake();
                    shared = fake;
                }
            }
        }
        return fake;
    }

    /** The server's root, without a trailing slash: the API base ({@code /v3/company/…} follows). */
    public String baseUrl() {
        String root = server.url("/").toString();
        return root.substring(0, root.length() - 1);
    }

    public String tokenUrl() {
        return baseUrl() + TOKEN_PATH;
    }

    public String revokeUrl() {
        return baseUrl() + REVOKE_PATH;
    }

    /** A consent page that only exists so URLs look like Intuit's; tests never open it. */
    public String authorizeUrl() {
        return baseUrl() + AUTHORIZE_PATH;
    }

    public String verifierToken() {
        return VERIFIER_TOKEN;
    }

    /** A fresh company with its own id, seeded with the {@code Services} item as sandbox companies are. */
    public Realm newRealm(String companyName) {
        String id;
        Realm realm;
        do {
            id = "9341" + String.format("%012d", Math.floorMod(RANDOM.nextLong(), 1_000_000_000_000L));
            realm = new Realm(id, companyName);
        } while (realms.putIfAbsent(id, realm) != null);
        return realm;
    }

    public Realm realm(String realmId) {
        Realm realm = realms.get(realmId);
        if (realm == null) {
            throw new IllegalArgumentException("No realm " + realmId);
        }
        return realm;
    }

    /** A single-use authorization code, as Intuit's consent page would put on the callback for {@code realm}. */
    public String authorizationCode(Realm realm) {
        String code = "AB11" + token(24);
        codes.put(code, realm);
        return code;
    }

    /** The {@code intuit-signature} header for a webhook body: base64(HMAC-SHA256(verifier token, body)). */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(VERIFIER_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A legacy webhook body ({@code eventNotifications}) for one entity change. */
    public static String legacyNotification(String realmId, String entity, String id, String operation,
                                            Instant lastUpdated) {
        ObjectNode body = NODES.objectNode();
        ObjectNode notification = body.putArray("eventNotifications").addObject();
        notification.put("realmId", realmId);
        ObjectNode change = notification.putObject("dataChangeEvent").putArray("entities").addObject();
        change.put("id", id);
        change.put("operation", operation);
        change.put("name", entity);
        change.put("lastUpdated", lastUpdated.toString());
        return JSON.writeValueAsString(body);
    }

    /**
     * One CloudEvents webhook item; {@code verb} as in the event type, for example {@code created}, {@code updated},
     * {@code deleted}, {@code voided}. Combine items (realms may mix) with {@link #cloudEvents}.
     */
    public static ObjectNode cloudEventItem(String eventId, String realmId, String entity, String entityId,
                                            String verb, Instant time) {
        ObjectNode event = NODES.objectNode();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", "intuit.dsnBgbseACLLRZNxo2dfc4evmEJdxde58xeeYcZliOU=");
        event.put("type", "qbo." + entity.toLowerCase() + "." + verb.toLowerCase() + ".v1");
        event.put("datacontenttype", "application/json");
        event.put("time", time.toString());
        event.put("intuitentityid", entityId);
        event.put("intuitaccountid", realmId);
        event.putObject("data");
        return event;
    }

    /** A CloudEvents webhook body: the JSON array of the items. */
    public static String cloudEvents(ObjectNode... items) {
        ArrayNode body = NODES.arrayNode();
        for (ObjectNode item : items) {
            body.add(item);
        }
        return JSON.writeValueAsString(body);
    }

    /** A CloudEvents webhook body with a single event. */
    public static String cloudEvent(String eventId, String realmId, String entity, String entityId, String verb,
                                    Instant time) {
        return cloudEvents(cloudEventItem(eventId, realmId, entity, entityId, verb, time));
    }

    // ---- dispatching -------------------------------------------------------------------------------------------

    private MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        List<String> segments = url.pathSegments();
        String path = "/" + String.join("/", segments);
        try {
            if (path.equals(TOKEN_PATH) && "POST".equals(request.getMethod())) {
                return tokenEndpoint(request);
            }
            if (path.equals(REVOKE_PATH) && "POST".equals(request.getMethod())) {
                return revokeEndpoint(request);
            }
            if (path.equals(AUTHORIZE_PATH)) {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                        .body("<html><body>Intuit consent (fake)</body></html>").build();
            }
            if (segments.size() >= 4 && segments.get(0).equals("v3") && segments.get(1).equals("company")) {
                return api(request, segments.get(2), segments.subList(3, segments.size()));
            }
            return new MockResponse.Builder().code(404).body("Not found: " + path).build();
        } catch (RuntimeException unexpected) {
            // A bug in the fake, not a QuickBooks answer: shout in the test output and answer in a shape no
            // client could mistake for a QuickBooks fault.
            unexpected.printStackTrace();
            return new MockResponse.Builder().code(500).setHeader("Content-Type", "text/plain")
                    .body("QboFake broke: " + unexpected).build();
        }
    }

    private MockResponse tokenEndpoint(RecordedRequest request) {
        if (!clientAuthenticated(request)) {
            return oauthError(401, "invalid_client", null);
        }
        Map<String, String> form = form(request.getBody() == null ? "" : request.getBody().utf8());
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            Realm realm = form.get("code") == null ? null : codes.get(form.get("code"));
            if (realm == null) {
                return oauthError(400, "invalid_grant", null);
            }
            realm.record(request);
            return realm.delayed(realm.consent(form.get("code"), form.get("redirect_uri")));
        }
        if ("refresh_token".equals(grantType)) {
            Realm realm = form.get("refresh_token") == null ? null
                    : issuedRefreshTokens.get(form.get("refresh_token"));
            if (realm == null) {
                return oauthError(400, "invalid_grant", "Incorrect or invalid refresh token");
            }
            realm.record(request);
            return realm.delayed(realm.refresh(form.get("refresh_token")));
        }
        return oauthError(400, "unsupported_grant_type", null);
    }

    private MockResponse revokeEndpoint(RecordedRequest request) {
        if (!clientAuthenticated(request)) {
            return oauthError(401, "invalid_client", null);
        }
        String token;
        try {
            token = JSON.readTree(request.getBody() == null ? "" : request.getBody().utf8()).path("token")
                    .asString(null);
        } catch (JacksonException notJson) {
            token = null;
        }
        Realm realm = token == null ? null : issuedRefreshTokens.getOrDefault(token, accessTokens.get(token));
        if (realm == null) {
            return oauthError(400, "invalid_request", "Token not found");
        }
        realm.record(request);
        return realm.delayed(realm.revoke(token));
    }

    private static boolean clientAuthenticated(RecordedRequest request) {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        return expected.equals(request.getHeaders().get("Authorization"));
    }

    private MockResponse api(RecordedRequest request, String realmId, List<String> resource) {
        Realm realm = realms.get(realmId);
        if (realm != null) {
            realm.record(request);
        }
        String authorization = request.getHeaders().get("Authorization");
        Realm holder = authorization != null && authorization.startsWith("Bearer ")
                ? accessTokens.get(authorization.substring("Bearer ".length())) : null;
        if (holder == null) {
            FakeFault fault = new FakeFault(401, "AUTHENTICATION", "3200",
                    "message=AuthenticationFailed; errorCode=003200; statusCode=401",
                    "Token expired or invalid");
            MockResponse response = json(401, fault.envelope(true), tid())
                    .setHeader("WWW-Authenticate", "Bearer realm=\"Intuit\", error=\"invalid_token\"").build();
            return realm == null ? response : realm.delayed(response);
        }
        if (realm == null || holder != realm) {
            FakeFault fault = new FakeFault(403, "AUTHORIZATION", "3100",
                    "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
                    "The token does not grant access to company " + realmId);
            return json(403, fault.envelope(true), tid()).build();
        }
        return realm.serve(request, resource);
    }

    static MockResponse.Builder json(int status, JsonNode body, String tid) {
        return new MockResponse.Builder().code(status)
                .setHeader("Content-Type", "application/json;charset=UTF-8")
                .setHeader("intuit_tid", tid)
                .body(JSON.writeValueAsString(body));
    }

    private static MockResponse oauthError(int status, String error, String description) {
        ObjectNode body = NODES.objectNode().put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        return json(status, body, tid()).build();
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    static String tid() {
        return "1-" + token(16);
    }

    static String token(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    // ---- one company -------------------------------------------------------------------------------------------

    /** One QuickBooks company: its records, its OAuth grant, what it received and the faults waiting for it. */
    public final class Realm {

        private static final Set<String> NAME_LISTS = Set.of("Customer", "Vendor", "Employee", "Item");
        private static final Set<String> READABLE = Set.of("Customer", "Vendor", "Employee", "Item", "Invoice",
                "Payment");

        private final String id;
        private final String companyName;
        private final Map<String, Map<String, ObjectNode>> records = new LinkedHashMap<>();
        /** Deleted transactions by entity: Id → the deletion time, for change data capture. */
        private final Map<String, Map<String, String>> deleted = new LinkedHashMap<>();
        private final AtomicLong nextId = new AtomicLong(1);
        private final AtomicLong nextDocNumber = new AtomicLong(1001);
        private final List<Request> requests = new ArrayList<>();
        private final Map<String, Integer> writes = new LinkedHashMap<>();
        private final Map<String, MockResponse> answered = new LinkedHashMap<>();
        private final Set<String> liveAccessTokens = ConcurrentHashMap.newKeySet();
        private final Set<String> redeemedCodes = new HashSet<>();
        private final ObjectNode companyInfo;
        private Instant lastTick = Instant.EPOCH;
        private String accessToken;
        private String refreshToken;
        private Instant consentedAt;
        private int refreshCount;
        private boolean rotateOnNextRefresh;
        private int throttles;
        private Throttle throttleShape = Throttle.JSON_429;
        private int failures;
        private int failureStatus = 500;
        private final Set<String> dropAfterCommit = new HashSet<>();
        private boolean dropThisResponse;
        private boolean ignoreRequestIds;
        private boolean staleNextUpdate;
        private boolean lowercaseFaults;
        private boolean accessRevoked;
        private Duration slowNext;

        private Realm(String id, String companyName) {
            this.id = id;
            this.companyName = companyName;
            ObjectNode services = NODES.objectNode();
            services.put("Name", "Services");
            services.put("Type", "Service");
            services.put("Active", true);
            services.put("FullyQualifiedName", "Services");
            services.put("Taxable", false);
            services.putObject("IncomeAccountRef").put("value", "1").put("name", "Services");
            store("Item", services);
            companyInfo = NODES.objectNode();
            companyInfo.put("CompanyName", companyName);
            companyInfo.put("LegalName", companyName);
            companyInfo.put("Country", "US");
            companyInfo.put("Id", "1");
            companyInfo.put("SyncToken", "0");
            stamp(companyInfo, true);
            companyInfo.put("domain", "QBO");
            companyInfo.put("sparse", false);
        }

        public String id() {
            return id;
        }

        public String companyName() {
            return companyName;
        }

        // ---- test data ---------------------------------------------------------------------------------------

        /** A customer as if created in QuickBooks (not counted as a write, not recorded as a request). */
        public synchronized ObjectNode addCustomer(String displayName, String email) {
            ObjectNode body = NODES.objectNode().put("DisplayName", displayName);
            if (email != null) {
                body.putObject("PrimaryEmailAddr").put("Address", email);
            }
            return createCustomer(body).deepCopy();
        }

        public synchronized ObjectNode addVendor(String name) {
            return addNamed("Vendor", name);
        }

        public synchronized ObjectNode addEmployee(String name) {
            return addNamed("Employee", name);
        }

        /** A Service item; invoice lines may refer to it. */
        public synchronized ObjectNode addItem(String name) {
            ObjectNode item = NODES.objectNode().put("Name", name).put("Type", "Service").put("Active", true)
                    .put("FullyQualifiedName", name).put("Taxable", false);
            item.putObject("IncomeAccountRef").put("value", "1").put("name", "Services");
            return store("Item", item).deepCopy();
        }

        private ObjectNode addNamed(String entity, String name) {
            requireFreeName(name, null);
            ObjectNode record = NODES.objectNode().put("DisplayName", name).put("PrintOnCheckName", name)
                    .put("Active", true);
            if (entity.equals("Vendor")) {
                record.put("Balance", BigDecimal.ZERO.setScale(2));
                record.put("Vendor1099", false);
            } else {
                record.put("EmployeeNumber", "E" + nextId.get());
            }
            return store(entity, record).deepCopy();
        }

        public synchronized ObjectNode customer(String customerId) {
            return copy("Customer", customerId);
        }

        /** Every customer, inactive ones included. */
        public synchronized List<ObjectNode> customers() {
            return all("Customer");
        }

        public synchronized ObjectNode vendor(String vendorId) {
            return copy("Vendor", vendorId);
        }

        public synchronized ObjectNode employee(String employeeId) {
            return copy("Employee", employeeId);
        }

        public synchronized ObjectNode item(String itemId) {
            return copy("Item", itemId);
        }

        /** The invoice, or {@code null} once deleted. */
        public synchronized ObjectNode invoice(String invoiceId) {
            return copy("Invoice", invoiceId);
        }

        /** Every invoice not deleted (voided ones included). */
        public synchronized List<ObjectNode> invoices() {
            return all("Invoice");
        }

        public synchronized List<ObjectNode> invoicesByDocNumber(String docNumber) {
            return all("Invoice").stream().filter(i -> docNumber.equals(i.path("DocNumber").asString(null)))
                    .toList();
        }

        public synchronized ObjectNode payment(String paymentId) {
            return copy("Payment", paymentId);
        }

        public synchronized List<ObjectNode> payments() {
            return all("Payment");
        }

        /** Edits a customer as a person would in QuickBooks: SyncToken and LastUpdatedTime move on. */
        public synchronized ObjectNode changeCustomer(String customerId, Consumer<ObjectNode> change) {
            return change("Customer", customerId, change);
        }

        /** Edits an invoice as a person would in QuickBooks: SyncToken and LastUpdatedTime move on. */
        public synchronized ObjectNode changeInvoice(String invoiceId, Consumer<ObjectNode> change) {
            ObjectNode invoice = existing("Invoice", invoiceId);
            BigDecimal paid = paid(invoice);
            String customerBefore = FakeQuery.value(invoice, "CustomerRef");
            change.accept(invoice);
            totals(invoice);
            invoice.put("Balance", money(invoice.get("TotalAmt").decimalValue().subtract(paid)));
            bump(invoice);
            settle(customerBefore);
            settle(FakeQuery.value(invoice, "CustomerRef"));
            return invoice.deepCopy();
        }

        /** Makes a customer inactive, the only way QuickBooks "deletes" a name-list record. */
        public synchronized ObjectNode deactivateCustomer(String customerId) {
            return change("Customer", customerId, c -> c.put("Active", false));
        }

        /** Makes an item inactive: invoice lines referring to it are refused with 610. */
        public synchronized ObjectNode deactivateItem(String itemId) {
            return change("Item", itemId, i -> i.put("Active", false));
        }

        /** An invoice as if entered in QuickBooks: one line of {@code amount} on the Services item. */
        public synchronized ObjectNode addInvoice(String customerId, String docNumber, BigDecimal amount,
                                                  LocalDate txnDate, LocalDate dueDate) {
            ObjectNode body = NODES.objectNode();
            body.putObject("CustomerRef").put("value", customerId);
            ObjectNode line = body.putArray("Line").addObject();
            line.put("Amount", amount);
            line.put("DetailType", "SalesItemLineDetail");
            ObjectNode detail = line.putObject("SalesItemLineDetail");
            detail.putObject("ItemRef").put("value", "1");
            detail.put("Qty", 1);
            detail.put("UnitPrice", amount);
            if (docNumber != null) {
                body.put("DocNumber", docNumber);
            }
            body.put("TxnDate", txnDate.toString());
            body.put("DueDate", dueDate.toString());
            return createInvoice(body).deepCopy();
        }

        /**
         * A payment received in QuickBooks against one invoice: the invoice's Balance drops, it gains a LinkedTxn
         * to the payment and its SyncToken moves on (so a push with the old token meets 5010).
         */
        public synchronized ObjectNode payInvoice(String invoiceId, BigDecimal amount) {
            ObjectNode invoice = existing("Invoice", invoiceId);
            BigDecimal balance = invoice.path("Balance").decimalValue();
            if (amount.signum() <= 0 || amount.compareTo(balance) > 0) {
                throw new IllegalArgumentException("Cannot pay " + amount + " on a balance of " + balance);
            }
            ObjectNode payment = NODES.objectNode();
            payment.set("CustomerRef", invoice.get("CustomerRef").deepCopy());
            payment.put("TxnDate", today().toString());
            payment.put("TotalAmt", money(amount));
            payment.put("UnappliedAmt", money(BigDecimal.ZERO));
            payment.put("ProcessPayment", false);
            ObjectNode line = payment.putArray("Line").addObject();
            line.put("Amount", money(amount));
            line.putArray("LinkedTxn").addObject().put("TxnId", invoiceId).put("TxnType", "Invoice");
            store("Payment", payment);
            invoice.put("Balance", money(balance.subtract(amount)));
            ((ArrayNode) invoice.path("LinkedTxn")).addObject()
                    .put("TxnId", payment.get("Id").asString()).put("TxnType", "Payment");
            bump(invoice);
            settle(FakeQuery.value(invoice, "CustomerRef"));
            return payment.deepCopy();
        }

        /** Voids an invoice as a person would in QuickBooks. */
        public synchronized ObjectNode voidInvoiceInQbo(String invoiceId) {
            return voidInvoice(existing("Invoice", invoiceId)).deepCopy();
        }

        /** Deletes an invoice as a person would in QuickBooks; change data capture reports it as deleted. */
        public synchronized void deleteInvoiceInQbo(String invoiceId) {
            delete("Invoice", existing("Invoice", invoiceId));
        }

        // ---- observing ---------------------------------------------------------------------------------------

        public synchronized List<Request> requests() {
            return List.copyOf(requests);
        }

        /** Creates, updates, voids and deletes of {@code entity} that QuickBooks committed (API calls only). */
        public synchronized int writes(String entity) {
            return writes.getOrDefault(canonical(entity), 0);
        }

        public synchronized int refreshCount() {
            return refreshCount;
        }

        /** The newest access token issued, while it is valid; {@code null} otherwise. */
        public synchronized String accessToken() {
            return accessToken != null && liveAccessTokens.contains(accessToken) ? accessToken : null;
        }

        /** The refresh token Intuit would accept now; {@code null} when none. */
        public synchronized String refreshToken() {
            return refreshToken;
        }

        // ---- faults ------------------------------------------------------------------------------------------

        /** The next {@code n} API calls are throttled (fault 3001) in the given shape. */
        public synchronized void throttleNext(int n, Throttle shape) {
            throttles = n;
            throttleShape = shape;
        }

        /** The next {@code n} API calls fail with {@code status} (5xx) and a SystemFault; nothing is committed. */
        public synchronized void failNext(int n, int status) {
            if (status < 500) {
                throw new IllegalArgumentException("failNext is for 5xx answers");
            }
            failures = n;
            failureStatus = status;
        }

        /** The next create of {@code entity} is committed, then the connection is cut before any answer. */
        public synchronized void commitThenDropNext(String entity) {
            dropAfterCommit.add(canonical(entity));
        }

        /** {@code requestid} is not honoured: a repeat is processed again. */
        public synchronized void ignoreRequestIds(boolean ignore) {
            ignoreRequestIds = ignore;
        }

        /**
         * The next update (or void, or delete) meets a record someone just edited in QuickBooks: its SyncToken
         * moves on first, so the update is answered 5010 once and a re-read gives the token that works.
         */
        public synchronized void staleNextUpdate() {
            staleNextUpdate = true;
        }

        /** Every access token issued so far stops working: the next API call is 401 (fault 3200, lowercase). */
        public synchronized void expireAccessToken() {
            liveAccessTokens.forEach(accessTokens::remove);
            liveAccessTokens.clear();
        }

        /**
         * The grant is revoked, as when the user disconnects the app inside QuickBooks: the refresh token is
         * answered {@code invalid_grant} and every access token 401.
         */
        public synchronized void revokeRefreshToken() {
            revokeGrant();
        }

        /** The next refresh answers a new refresh token; the old one is refused from then on. */
        public synchronized void rotateRefreshTokenOnNextRefresh() {
            rotateOnNextRefresh = true;
        }

        /** Faults come with lowercase keys ({@code fault.error[].message}), as Intuit's gateway sends them. */
        public synchronized void lowercaseFaults(boolean lowercase) {
            lowercaseFaults = lowercase;
        }

        /** The next answer (API or token endpoint) is held back this long before its headers. */
        public synchronized void slowNextResponse(Duration delay) {
            slowNext = delay;
        }

        /** The connecting admin lost access: every API call is 403 with fault 120 until reconnected. */
        public synchronized void revokeAccess() {
            accessRevoked = true;
        }

        // ---- OAuth ---------------------------------------------------------------------------------------------

        private synchronized MockResponse consent(String code, String redirectUri) {
            if (!REDIRECT_URI.equals(redirectUri)) {
                return oauthError(400, "invalid_grant", "Invalid redirect_uri");
            }
            if (!redeemedCodes.add(code)) {
                return oauthError(400, "invalid_grant", null);
            }
            revokeGrant();
            accessRevoked = false;
            consentedAt = Instant.now();
            refreshToken = "RT1-" + token(20);
            issuedRefreshTokens.put(refreshToken, this);
            return tokens();
        }

        private synchronized MockResponse refresh(String presented) {
            if (!presented.equals(refreshToken)) {
                return oauthError(400, "invalid_grant", "Incorrect or invalid refresh token");
            }
            refreshCount++;
            if (rotateOnNextRefresh) {
                rotateOnNextRefresh = false;
                refreshToken = "RT1-" + token(20);
                issuedRefreshTokens.put(refreshToken, this);
            }
            return tokens();
        }

        private MockResponse tokens() {
            accessToken = "eyJ.fake." + token(24);
            liveAccessTokens.add(accessToken);
            accessTokens.put(accessToken, this);
            ObjectNode body = NODES.objectNode();
            body.put("access_token", accessToken);
            body.put("refresh_token", refreshToken);
            body.put("token_type", "bearer");
            body.put("expires_in", ACCESS_TOKEN_SECONDS);
            body.put("x_refresh_token_expires_in", REFRESH_TOKEN_SECONDS);
            body.put("x_refresh_token_hard_expires_in", REFRESH_TOKEN_HARD_SECONDS
                    - Duration.between(consentedAt, Instant.now()).toSeconds());
            return json(200, body, tid()).build();
        }

        /** Intuit revokes the whole grant whichever of its tokens is presented; an unknown one is 400. */
        private synchronized MockResponse revoke(String token) {
            if (!token.equals(refreshToken) && !liveAccessTokens.contains(token)) {
                return oauthError(400, "invalid_request", "Token not found");
            }
            revokeGrant();
            return new MockResponse.Builder().code(200).body("").build();
        }

        private synchronized void revokeGrant() {
            expireAccessToken();
            refreshToken = null;
        }

        // ---- serving -------------------------------------------------------------------------------------------

        private synchronized void record(RecordedRequest request) {
            HttpUrl url = request.getUrl();
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (String name : url.queryParameterNames()) {
                query.put(name, List.copyOf(url.queryParameterValues(name)));
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            Headers received = request.getHeaders();
            for (String name : received.names()) {
                if (!name.equalsIgnoreCase("Authorization")) {
                    headers.put(name, List.copyOf(received.values(name)));
                }
            }
            requests.add(new Request(request.getMethod(), "/" + String.join("/", url.pathSegments()),
                    Map.copyOf(query), request.getBody() == null ? "" : request.getBody().utf8(), Map.copyOf(headers)));
        }

        private synchronized MockResponse delayed(MockResponse response) {
            if (slowNext == null) {
                return response;
            }
            long millis = slowNext.toMillis();
            slowNext = null;
            return response.newBuilder().headersDelay(millis, TimeUnit.MILLISECONDS).build();
        }

        private synchronized MockResponse serve(RecordedRequest request, List<String> resource) {
            if (accessRevoked) {
                return delayed(json(403, new FakeFault(403, "AuthorizationFault", "120", "Authorization Failure",
                        "AuthorizationFailure: Unknown Error during Authentication -11014")
                        .envelope(lowercaseFaults), tid()).build());
            }
            if (throttles > 0) {
                throttles--;
                return delayed(throttled());
            }
            if (failures > 0) {
                failures--;
                FakeFault fault = new FakeFault(failureStatus, "SystemFault", "10000",
                        "An application error has occurred while processing your request",
                        "System Failure Error: An unexpected error occurred while accessing or saving your data."
                                + " Please wait a few minutes and try again.");
                return delayed(json(failureStatus, fault.envelope(lowercaseFaults), tid()).build());
            }
            HttpUrl url = request.getUrl();
            String requestId = url.queryParameter("requestid");
            int requestIdLimit = resource.get(0).equals("batch") ? 36 : 50;
            if (requestId != null && requestId.length() > requestIdLimit) {
                return delayed(json(400, FakeFault.invalidRequest("requestid is longer than " + requestIdLimit
                        + " characters").envelope(lowercaseFaults), tid()).build());
            }
            if (requestId != null && !ignoreRequestIds && answered.containsKey(requestId)) {
                return delayed(answered.get(requestId).newBuilder().setHeader("intuit_tid", tid()).build());
            }
            dropThisResponse = false;
            MockResponse response;
            try {
                response = json(200, route(request, url, resource), tid()).build();
            } catch (FakeFault fault) {
                response = json(fault.status, fault.envelope(lowercaseFaults), tid()).build();
            }
            if (requestId != null) {
                answered.putIfAbsent(requestId, response);
            }
            if (dropThisResponse) {
                dropThisResponse = false;
                return response.newBuilder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
            }
            return delayed(response);
        }

        private MockResponse throttled() {
            String detail = "The request limit was reached. Try again later";
            if (throttleShape == Throttle.XML_403) {
                String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        + "<IntuitResponse xmlns=\"http://schema.intuit.com/finance/v3\" time=\"" + now() + "\">"
                        + "<Fault type=\"SERVICE\"><Error code=\"3001\"><Message>ThrottleExceeded</Message>"
                        + "<Detail>" + detail + "</Detail></Error></Fault></IntuitResponse>";
                return new MockResponse.Builder().code(403).setHeader("Content-Type", "application/xml")
                        .setHeader("intuit_tid", tid()).body(xml).build();
            }
            FakeFault fault = new FakeFault(429, "SERVICE", "3001", "ThrottleExceeded", detail);
            return json(429, fault.envelope(lowercaseFaults), tid()).build();
        }

        private ObjectNode route(RecordedRequest request, HttpUrl url, List<String> resource) {
            String minorVersion = url.queryParameter("minorversion");
            if (minorVersion != null && !minorVersion.matches("\\d+")) {
                throw FakeFault.invalidRequest("Invalid minorversion: " + minorVersion);
            }
            String method = request.getMethod();
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            String first = resource.get(0);
            if (first.equals("query")) {
                String statement = "GET".equals(method) ? url.queryParameter("query") : body;
                if (statement == null || statement.isBlank()) {
                    throw FakeFault.required("query");
                }
                return envelope("QueryResponse", query(statement));
            }
            if (first.equals("cdc") && "GET".equals(method)) {
                return cdc(url.queryParameter("entities"), url.queryParameter("changedSince"));
            }
            if (first.equals("batch") && "POST".equals(method)) {
                return batch(parse(body));
            }
            if (first.equals("companyinfo") && "GET".equals(method) && resource.size() == 2) {
                if (!resource.get(1).equals(id)) {
                    throw FakeFault.objectNotFound("CompanyInfo " + resource.get(1));
                }
                return envelope("CompanyInfo", companyInfo.deepCopy());
            }
            String entity = canonical(first);
            if ("GET".equals(method) && resource.size() == 2 && READABLE.contains(entity)) {
                ObjectNode record = records(entity).get(resource.get(1));
                if (record == null) {
                    throw FakeFault.objectNotFound(entity + " " + resource.get(1));
                }
                return envelope(entity, record.deepCopy());
            }
            if ("POST".equals(method) && resource.size() == 1) {
                return envelope(entity, write(entity, operation(url.queryParameter("operation")), parse(body)));
            }
            throw new FakeFault(400, "ValidationFault", "500", "Unsupported Operation",
                    "Operation " + method + " " + String.join("/", resource) + " is not supported.");
        }

        private static String operation(String requested) {
            return requested == null ? "create" : requested.toLowerCase();
        }

        private ObjectNode parse(String body) {
            try {
                JsonNode node = JSON.readTree(body);
                if (node instanceof ObjectNode object) {
                    return object;
                }
            } catch (JacksonException notJson) {
                throw FakeFault.invalidRequest("Property Name:Can not parse the request body: "
                        + notJson.getOriginalMessage());
            }
            throw FakeFault.invalidRequest("Property Name:The request body is not a JSON object");
        }

        private ObjectNode envelope(String key, JsonNode content) {
            ObjectNode envelope = NODES.objectNode();
            envelope.set(key, content);
            envelope.put("time", now());
            return envelope;
        }

        /** One write, as the API or a batch item asks for it; the committed record, or the deletion's stub. */
        private ObjectNode write(String entity, String operation, ObjectNode body) {
            ObjectNode result;
            switch (entity + ":" + operation) {
                case "Customer:create", "Customer:update" ->
                        result = body.has("Id") ? updateCustomer(body) : createCustomer(body);
                case "Invoice:create", "Invoice:update" ->
                        result = body.has("Id") ? updateInvoice(body) : createInvoice(body);
                case "Invoice:void" -> result = voidInvoice(current("Invoice", body));
                case "Invoice:delete" -> {
                    ObjectNode invoice = current("Invoice", body);
                    delete("Invoice", invoice);
                    result = NODES.objectNode().put("status", "Deleted").put("domain", "QBO")
                            .put("Id", invoice.get("Id").asString());
                }
                default -> throw new FakeFault(400, "ValidationFault", "500", "Unsupported Operation",
                        "Operation " + operation + " is not supported for " + entity + ".");
            }
            writes.merge(entity, 1, Integer::sum);
            if (operation.equals("create") && !body.has("Id") && dropAfterCommit.remove(entity)) {
                dropThisResponse = true;
            }
            return result.deepCopy();
        }

        // ---- customers -----------------------------------------------------------------------------------------

        private ObjectNode createCustomer(ObjectNode body) {
            String displayName = displayName(body);
            requireFreeName(displayName, null);
            ObjectNode customer = writable(body);
            customer.put("DisplayName", displayName);
            customer.put("FullyQualifiedName", displayName);
            if (!customer.has("PrintOnCheckName")) {
                customer.put("PrintOnCheckName", displayName);
            }
            customer.put("Active", !body.has("Active") || body.get("Active").asBoolean());
            customer.put("Job", false);
            customer.put("BillWithParent", false);
            customer.put("Taxable", false);
            customer.put("Balance", money(BigDecimal.ZERO));
            customer.put("BalanceWithJobs", money(BigDecimal.ZERO));
            customer.putObject("CurrencyRef").put("value", "USD").put("name", "United States Dollar");
            customer.put("PreferredDeliveryMethod", "Print");
            return store("Customer", customer);
        }

        private ObjectNode updateCustomer(ObjectNode body) {
            ObjectNode customer = current("Customer", body);
            boolean sparse = body.path("sparse").asBoolean(false);
            if (body.has("DisplayName") || !sparse) {
                String displayName = displayName(body);
                requireFreeName(displayName, customer.get("Id").asString());
                body = body.deepCopy();
                body.put("DisplayName", displayName);
                body.put("FullyQualifiedName", displayName);
            }
            apply(customer, body, sparse, Set.of("Id", "SyncToken", "MetaData", "domain", "sparse", "Balance",
                    "BalanceWithJobs", "CurrencyRef", "Job", "BillWithParent", "Taxable"));
            bump(customer);
            return customer;
        }

        private String displayName(ObjectNode body) {
            String displayName = text(body, "DisplayName");
            if (displayName == null) {
                displayName = String.join(" ", Stream.of("Title", "GivenName", "MiddleName",
                        "FamilyName", "Suffix").map(f -> text(body, f)).filter(v -> v != null).toList());
            }
            if (displayName.isBlank()) {
                throw FakeFault.validation("6080", "Invalid Name",
                        "You must fill out at least one of the name fields: Title, GivenName, MiddleName,"
                                + " FamilyName, DisplayName or Suffix.");
            }
            if (displayName.contains(":")) {
                throw FakeFault.validation("6000", "A business validation error has occurred while processing"
                        + " your request", "Business Validation Error: The name supplied contains invalid"
                        + " characters: a colon (:) is not allowed.");
            }
            if (displayName.length() > 500) {
                throw FakeFault.validation("2050", "String length is either shorter or longer than supported"
                        + " by specification", "DisplayName is longer than 500 characters");
            }
            return displayName.strip();
        }

        /** DisplayName is unique across customers, vendors and employees, inactive ones included (6240). */
        private void requireFreeName(String displayName, String exceptCustomerId) {
            for (String entity : List.of("Customer", "Vendor", "Employee")) {
                for (ObjectNode record : records(entity).values()) {
                    boolean self = entity.equals("Customer") && record.get("Id").asString().equals(exceptCustomerId);
                    if (!self && record.path("DisplayName").asString("").equalsIgnoreCase(displayName)) {
                        throw FakeFault.validation("6240", "Duplicate Name Exists Error",
                                "The name supplied already exists. : Another customer, vendor or employee is"
                                        + " already using this name. Please use a different name.");
                    }
                }
            }
        }

        // ---- invoices ------------------------------------------------------------------------------------------

        private ObjectNode createInvoice(ObjectNode body) {
            ObjectNode invoice = writable(body);
            invoice.set("CustomerRef", customerRef(body));
            invoice.set("Line", lines(body));
            String docNumber = text(body, "DocNumber");
            if (docNumber == null) {
                docNumber = String.valueOf(nextDocNumber.getAndIncrement());
            }
            requireFreeDocNumber(docNumber, null);
            invoice.put("DocNumber", docNumber);
            LocalDate txnDate = date(body, "TxnDate", today());
            invoice.put("TxnDate", txnDate.toString());
            invoice.put("DueDate", date(body, "DueDate", txnDate).toString());
            invoice.putArray("LinkedTxn");
            invoice.put("EmailStatus", body.path("EmailStatus").asString("NotSet"));
            invoice.put("PrintStatus", body.path("PrintStatus").asString("NotSet"));
            invoice.putObject("CurrencyRef").put("value", "USD").put("name", "United States Dollar");
            totals(invoice);
            invoice.put("Balance", invoice.get("TotalAmt").decimalValue());
            store("Invoice", invoice);
            settle(FakeQuery.value(invoice, "CustomerRef"));
            return invoice;
        }

        private ObjectNode updateInvoice(ObjectNode body) {
            ObjectNode stored = current("Invoice", body);
            // Worked on a copy: a refused update leaves the invoice as it was.
            ObjectNode invoice = stored.deepCopy();
            boolean sparse = body.path("sparse").asBoolean(false);
            ObjectNode changes = body.deepCopy();
            if (changes.has("CustomerRef") || !sparse) {
                changes.set("CustomerRef", customerRef(body));
            }
            if (changes.has("Line") || !sparse) {
                changes.set("Line", lines(body));
            }
            if (changes.has("DocNumber")) {
                requireFreeDocNumber(text(body, "DocNumber"), invoice.get("Id").asString());
            }
            for (String dateField : List.of("TxnDate", "DueDate")) {
                if (changes.has(dateField)) {
                    date(body, dateField, null);
                }
            }
            BigDecimal paid = paid(invoice);
            apply(invoice, changes, sparse, Set.of("Id", "SyncToken", "MetaData", "domain", "sparse", "TotalAmt",
                    "Balance", "LinkedTxn", "CurrencyRef", "DocNumber", "TxnDate", "DueDate", "EmailStatus",
                    "PrintStatus"));
            for (String kept : List.of("DocNumber", "TxnDate", "DueDate", "EmailStatus", "PrintStatus")) {
                if (changes.has(kept)) {
                    invoice.set(kept, changes.get(kept));
                }
            }
            totals(invoice);
            BigDecimal balance = invoice.get("TotalAmt").decimalValue().subtract(paid);
            if (balance.signum() < 0) {
                throw FakeFault.businessRule("The invoice total cannot be less than the payments applied to it.");
            }
            invoice.put("Balance", money(balance));
            bump(invoice);
            records("Invoice").put(invoice.get("Id").asString(), invoice);
            settle(FakeQuery.value(stored, "CustomerRef"));
            settle(FakeQuery.value(invoice, "CustomerRef"));
            return invoice;
        }

        private static BigDecimal paid(ObjectNode invoice) {
            return invoice.get("TotalAmt").decimalValue().subtract(invoice.get("Balance").decimalValue());
        }

        /** A customer's Balance is what its invoices still have open; it moves without a new SyncToken. */
        private void settle(String customerId) {
            ObjectNode customer = customerId == null ? null : records("Customer").get(customerId);
            if (customer == null) {
                return;
            }
            BigDecimal open = records("Invoice").values().stream()
                    .filter(i -> customerId.equals(FakeQuery.value(i, "CustomerRef")))
                    .map(i -> i.get("Balance").decimalValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            customer.put("Balance", money(open));
            customer.put("BalanceWithJobs", money(open));
        }

        private ObjectNode voidInvoice(ObjectNode invoice) {
            for (JsonNode line : invoice.path("Line")) {
                ((ObjectNode) line).put("Amount", money(BigDecimal.ZERO));
                JsonNode detail = line.path("SalesItemLineDetail");
                if (detail instanceof ObjectNode sales) {
                    sales.put("Qty", 0);
                    sales.put("UnitPrice", 0);
                }
            }
            invoice.put("TotalAmt", money(BigDecimal.ZERO));
            invoice.put("Balance", money(BigDecimal.ZERO));
            invoice.put("PrivateNote", "Voided");
            bump(invoice);
            settle(FakeQuery.value(invoice, "CustomerRef"));
            return invoice;
        }

        private void delete(String entity, ObjectNode record) {
            String recordId = record.get("Id").asString();
            records(entity).remove(recordId);
            deleted.computeIfAbsent(entity, e -> new LinkedHashMap<>()).put(recordId, now(tick()));
            settle(FakeQuery.value(record, "CustomerRef"));
        }

        private ObjectNode customerRef(ObjectNode body) {
            String customerId = FakeQuery.value(body, "CustomerRef");
            if (customerId == null) {
                throw FakeFault.required("CustomerRef");
            }
            ObjectNode customer = records("Customer").get(customerId);
            if (customer == null || !customer.path("Active").asBoolean()) {
                throw FakeFault.objectNotFound("Customer " + customerId);
            }
            return NODES.objectNode().put("value", customerId).put("name", customer.get("DisplayName").asString());
        }

        /** The invoice's lines as QuickBooks keeps them: numbered, checked, with its SubTotal line at the end. */
        private ArrayNode lines(ObjectNode body) {
            JsonNode sent = body.path("Line");
            ArrayNode lines = NODES.arrayNode();
            int number = 1;
            for (JsonNode element : sent) {
                if (!(element instanceof ObjectNode sentLine)) {
                    throw FakeFault.invalidRequest("Property Name:Line must hold objects");
                }
                String detailType = sentLine.path("DetailType").asString("");
                if (detailType.equals("SubTotalLineDetail")) {
                    continue;
                }
                ObjectNode line = sentLine.deepCopy();
                line.put("Id", String.valueOf(number));
                line.put("LineNum", number++);
                if (detailType.equals("SalesItemLineDetail")) {
                    salesLine(line);
                } else if (detailType.equals("DescriptionOnly")) {
                    line.put("Amount", money(line.path("Amount").decimalValue(BigDecimal.ZERO)));
                    line.putObject("DescriptionLineDetail");
                    line.put("DetailType", "DescriptionOnly");
                } else {
                    throw FakeFault.invalidRequest("Property Name:Line.DetailType " + detailType
                            + " is unsupported or invalid");
                }
                lines.add(line);
            }
            if (lines.isEmpty()) {
                throw FakeFault.required("Line");
            }
            lines.addObject().put("Amount", BigDecimal.ZERO).put("DetailType", "SubTotalLineDetail")
                    .putObject("SubTotalLineDetail");
            return lines;
        }

        private void salesLine(ObjectNode line) {
            if (!line.path("Amount").isNumber()) {
                throw FakeFault.required("Line.Amount");
            }
            BigDecimal amount = line.get("Amount").decimalValue();
            ObjectNode detail = line.path("SalesItemLineDetail") instanceof ObjectNode d ? d : line
                    .putObject("SalesItemLineDetail");
            String itemId = FakeQuery.value(detail, "ItemRef");
            if (itemId == null) {
                itemId = "1";
            }
            ObjectNode item = records("Item").get(itemId);
            if (item == null || !item.path("Active").asBoolean()) {
                throw FakeFault.objectNotFound("Item " + itemId);
            }
            detail.putObject("ItemRef").put("value", itemId).put("name", item.get("Name").asString());
            JsonNode qty = detail.path("Qty");
            JsonNode unitPrice = detail.path("UnitPrice");
            if (qty.isNumber() && unitPrice.isNumber()) {
                BigDecimal expected = money(qty.decimalValue().multiply(unitPrice.decimalValue()));
                if (amount.compareTo(expected) != 0) {
                    throw FakeFault.validation("6070", "Amount is not equal to UnitPrice * Qty",
                            "Amount is not equal to UnitPrice * Qty. Supplied value:" + amount.toPlainString());
                }
            }
            line.put("Amount", money(amount));
        }

        /** TotalAmt is the sum of the lines; the SubTotal line shows it too. */
        private void totals(ObjectNode invoice) {
            BigDecimal total = BigDecimal.ZERO;
            ObjectNode subTotal = null;
            for (JsonNode line : invoice.path("Line")) {
                if (line.path("DetailType").asString("").equals("SubTotalLineDetail")) {
                    subTotal = (ObjectNode) line;
                } else {
                    total = total.add(line.path("Amount").decimalValue(BigDecimal.ZERO));
                }
            }
            if (subTotal != null) {
                subTotal.put("Amount", money(total));
            }
            invoice.put("TotalAmt", money(total));
        }

        private void requireFreeDocNumber(String docNumber, String exceptInvoiceId) {
            for (ObjectNode invoice : records("Invoice").values()) {
                if (docNumber.equals(invoice.path("DocNumber").asString(null))
                        && !invoice.get("Id").asString().equals(exceptInvoiceId)) {
                    throw FakeFault.validation("6140", "Duplicate Document Number Error",
                            "Duplicate Document Number Error : You must specify a different number. This number"
                                    + " has already been used. DocNumber=" + docNumber
                                    + " is assigned to TxnType=Invoice with TxnId=" + invoice.get("Id").asString());
                }
            }
        }

        private LocalDate date(ObjectNode body, String field, LocalDate otherwise) {
            String text = text(body, field);
            if (text == null) {
                return otherwise;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException notDate) {
                throw FakeFault.invalidRequest("Property Name:" + field + " has an invalid date: " + text
                        + " (expected yyyy-MM-dd)");
            }
        }

        // ---- query, change data capture, batch -----------------------------------------------------------------

        private ObjectNode query(String statement) {
            FakeQuery query = FakeQuery.parse(statement);
            String entity = queryableEntity(query.entity);
            List<ObjectNode> matching = (entity.equals("CompanyInfo") ? List.of(companyInfo)
                    : records(entity).values().stream().toList()).stream()
                    .filter(r -> !NAME_LISTS.contains(entity) || query.filtersOnActive()
                            || r.path("Active").asBoolean(true))
                    .filter(query::matches)
                    .sorted(query.order())
                    .toList();
            ObjectNode response = NODES.objectNode();
            if (query.count) {
                response.put("totalCount", matching.size());
                return response;
            }
            List<ObjectNode> page = matching.stream().skip(query.startPosition - 1L).limit(query.maxResults)
                    .toList();
            if (!page.isEmpty()) {
                ArrayNode rows = response.putArray(entity);
                page.forEach(r -> rows.add(r.deepCopy()));
                response.put("startPosition", query.startPosition);
                response.put("maxResults", page.size());
            }
            return response;
        }

        private String queryableEntity(String named) {
            for (String entity : List.of("Customer", "Vendor", "Employee", "Item", "Invoice", "Payment",
                    "CompanyInfo")) {
                if (entity.equalsIgnoreCase(named)) {
                    return entity;
                }
            }
            throw FakeFault.queryValidation("Invalid context declaration : " + named);
        }

        private ObjectNode cdc(String entities, String changedSince) {
            if (entities == null || entities.isBlank()) {
                throw FakeFault.required("entities");
            }
            if (changedSince == null || changedSince.isBlank()) {
                throw FakeFault.required("changedSince");
            }
            Instant since;
            try {
                since = FakeQuery.instant(changedSince);
            } catch (FakeFault notTime) {
                throw FakeFault.invalidRequest("Property Name:changedSince has an invalid date-time: " + changedSince);
            }
            if (since.isBefore(Instant.now().minus(CDC_LOOK_BACK))) {
                throw FakeFault.invalidRequest("changedSince cannot be more than 30 days in the past: " + changedSince);
            }
            List<String> requested = new ArrayList<>();
            for (String named : entities.split(",")) {
                String entity = queryableEntity(named.strip());
                if (!READABLE.contains(entity)) {
                    throw FakeFault.invalidRequest("Property Name:entities has an unsupported entity " + named);
                }
                if (!requested.contains(entity)) {
                    requested.add(entity);
                }
            }
            record Change(String entity, Instant at, ObjectNode record) {
            }
            List<Change> changes = new ArrayList<>();
            for (String entity : requested) {
                for (ObjectNode record : records(entity).values()) {
                    Instant at = FakeQuery.instant(record.path("MetaData").path("LastUpdatedTime").asString());
                    if (!at.isBefore(since)) {
                        changes.add(new Change(entity, at, record.deepCopy()));
                    }
                }
                for (var gone : deleted.getOrDefault(entity, Map.of()).entrySet()) {
                    Instant at = FakeQuery.instant(gone.getValue());
                    if (!at.isBefore(since)) {
                        ObjectNode stub = NODES.objectNode().put("domain", "QBO").put("status", "Deleted")
                                .put("Id", gone.getKey());
                        stub.putObject("MetaData").put("LastUpdatedTime", gone.getValue());
                        changes.add(new Change(entity, at, stub));
                    }
                }
            }
            List<Change> capped = changes.stream().sorted(Comparator.comparing(Change::at))
                    .limit(CDC_LIMIT).toList();
            ArrayNode perEntity = NODES.arrayNode();
            for (String entity : requested) {
                ObjectNode answer = perEntity.addObject();
                List<Change> mine = capped.stream().filter(c -> c.entity().equals(entity)).toList();
                if (!mine.isEmpty()) {
                    ArrayNode rows = answer.putArray(entity);
                    mine.forEach(c -> rows.add(c.record()));
                }
                answer.put("startPosition", 1);
                answer.put("maxResults", mine.size());
            }
            ObjectNode response = NODES.objectNode();
            response.putArray("CDCResponse").addObject().set("QueryResponse", perEntity);
            response.put("time", now());
            return response;
        }

        private ObjectNode batch(ObjectNode body) {
            JsonNode items = body.path("BatchItemRequest");
            if (!items.isArray() || items.isEmpty()) {
                throw FakeFault.required("BatchItemRequest");
            }
            if (items.size() > BATCH_LIMIT) {
                throw FakeFault.invalidRequest("Property Name:BatchItemRequest holds " + items.size()
                        + " items; the maximum is " + BATCH_LIMIT);
            }
            ArrayNode answers = NODES.arrayNode();
            for (JsonNode item : items) {
                ObjectNode answer = answers.addObject();
                answer.put("bId", item.path("bId").asString(""));
                try {
                    if (item.has("Query")) {
                        answer.set("QueryResponse", query(item.get("Query").asString()));
                        continue;
                    }
                    String entity = null;
                    for (String name : item.propertyNames()) {
                        if (!Set.of("bId", "operation", "optionsData").contains(name)) {
                            entity = name;
                        }
                    }
                    if (entity == null || !(item.get(entity) instanceof ObjectNode record)) {
                        throw FakeFault.required("entity of batch item " + item.path("bId").asString(""));
                    }
                    answer.set(entity, write(canonical(entity), operation(item.path("operation").asString(null)),
                            record));
                } catch (FakeFault fault) {
                    answer.set("Fault", fault.fault());
                }
            }
            ObjectNode response = NODES.objectNode();
            response.set("BatchItemResponse", answers);
            response.put("time", now());
            return response;
        }

        // ---- records -------------------------------------------------------------------------------------------

        private Map<String, ObjectNode> records(String entity) {
            return records.computeIfAbsent(entity, e -> new LinkedHashMap<>());
        }

        private List<ObjectNode> all(String entity) {
            return records(entity).values().stream().map(ObjectNode::deepCopy).toList();
        }

        private ObjectNode copy(String entity, String recordId) {
            ObjectNode record = records(entity).get(recordId);
            return record == null ? null : record.deepCopy();
        }

        private ObjectNode existing(String entity, String recordId) {
            ObjectNode record = records(entity).get(recordId);
            if (record == null) {
                throw new IllegalArgumentException("No " + entity + " " + recordId + " in realm " + id);
            }
            return record;
        }

        private ObjectNode change(String entity, String recordId, Consumer<ObjectNode> change) {
            ObjectNode record = existing(entity, recordId);
            change.accept(record);
            bump(record);
            return record.deepCopy();
        }

        /** The record an update names, with the SyncToken check (5010) QuickBooks makes. */
        private ObjectNode current(String entity, ObjectNode body) {
            String recordId = text(body, "Id");
            if (recordId == null) {
                throw FakeFault.required("Id");
            }
            String syncToken = text(body, "SyncToken");
            if (syncToken == null) {
                throw FakeFault.required("SyncToken");
            }
            ObjectNode record = records(entity).get(recordId);
            if (record == null) {
                throw FakeFault.objectNotFound(entity + " " + recordId);
            }
            if (staleNextUpdate) {
                staleNextUpdate = false;
                bump(record);
            }
            if (!record.get("SyncToken").asString().equals(syncToken)) {
                throw FakeFault.stale();
            }
            return record;
        }

        private ObjectNode store(String entity, ObjectNode record) {
            String recordId = String.valueOf(nextId.getAndIncrement());
            record.put("Id", recordId);
            record.put("SyncToken", "0");
            stamp(record, true);
            record.put("domain", "QBO");
            record.put("sparse", false);
            records(entity).put(recordId, record);
            return record;
        }

        /** The record's writable fields from a request: QuickBooks ignores what it computes itself. */
        private ObjectNode writable(ObjectNode body) {
            ObjectNode record = body.deepCopy();
            for (String computed : List.of("Id", "SyncToken", "MetaData", "domain", "sparse", "TotalAmt", "Balance",
                    "LinkedTxn", "BalanceWithJobs", "FullyQualifiedName")) {
                record.remove(computed);
            }
            return record;
        }

        /** A sparse update sets what was sent; a full update also clears every writable field left out. */
        private void apply(ObjectNode record, ObjectNode body, boolean sparse, Set<String> readOnly) {
            if (!sparse) {
                for (String field : List.copyOf(record.propertyNames())) {
                    if (!readOnly.contains(field) && !body.has(field)) {
                        record.remove(field);
                    }
                }
            }
            for (var entry : body.properties()) {
                if (!readOnly.contains(entry.getKey())) {
                    record.set(entry.getKey(), entry.getValue().deepCopy());
                }
            }
        }

        private void bump(ObjectNode record) {
            record.put("SyncToken", String.valueOf(Long.parseLong(record.get("SyncToken").asString()) + 1));
            stamp(record, false);
        }

        private void stamp(ObjectNode record, boolean created) {
            String at = now(tick());
            ObjectNode metaData = record.has("MetaData") ? (ObjectNode) record.get("MetaData")
                    : record.putObject("MetaData");
            if (created) {
                metaData.put("CreateTime", at);
            }
            metaData.put("LastUpdatedTime", at);
        }

        /** The company's clock: milliseconds, never the same instant twice, so changes order strictly. */
        private Instant tick() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            lastTick = now.isAfter(lastTick) ? now : lastTick.plusMillis(1);
            return lastTick;
        }

        private LocalDate today() {
            return LocalDate.now(COMPANY_OFFSET);
        }
    }

    static String now() {
        return now(Instant.now());
    }

    static String now(Instant at) {
        return TIME.format(at.atOffset(COMPANY_OFFSET));
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static String canonical(String entity) {
        for (String known : List.of("Customer", "Vendor", "Employee", "Item", "Invoice", "Payment")) {
            if (known.equalsIgnoreCase(entity)) {
                return known;
            }
        }
        return entity;
    }

    @Override
    public String toString() {
        return "QboFake[" + baseUrl() + ", " + realms.size() + " realms]";
    }
}
