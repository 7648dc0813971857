package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.integration.qbo.QboException.Kind;
import io.ledgerline.app.integration.qbo.QboTokenStore.Stored;
import io.ledgerline.domain.qbo.QboFault;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link QboApi} over OkHttp: Intuit's OAuth endpoints and the accounting API v3 at {@code minorversion=75}.
 * <p>
 * Every call for an organization takes its tokens from {@link QboTokenStore}; an access token expiring within a
 * minute is refreshed first. Refreshing is single-flight per organization — an in-process lock, and the token row's
 * lock for other JVMs — and whoever waited uses the tokens the first refresher stored. A 401 is answered by one
 * refresh and one replay of the same request (same {@code requestid}); Intuit refusing the refresh token
 * ({@code invalid_grant}) with no newer one stored, a second 401 or fault 120 end the authorization: the row is
 * marked expired, {@link QboAuthorizationLost} is published, and later calls fail without reaching Intuit.
 * <p>
 * Logged: method, path, status, duration and {@code intuit_tid}; never a token, a code or a header.
 */
@Component
public class OkHttpQboApi implements QboApi {

    static final String MINOR_VERSION = "75";
    static final int PAGE_SIZE = 1000;
    static final int BATCH_SIZE = 30;
    /** An access token closer than this to its expiry is refreshed before use, so it cannot expire in flight. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(1);
    /** Intuit keeps change data capture for 30 days. */
    static final Duration CHANGES_WINDOW = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(OkHttpQboApi.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Pattern ENTITY = Pattern.compile("[A-Za-z]{1,64}");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final long UNAVAILABLE_RETRY_SECONDS = 30;

    private final QboProperties properties;
    private final QboTokenStore tokens;
    private final QboRateLimiter limiter;
    private final JsonMapper json;
    private final ObjectReader reader;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OkHttpClient http;
    private final Map<UUID, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

    public OkHttpQboApi(QboProperties properties, QboTokenStore tokens, JsonMapper json,
                        ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.tokens = tokens;
        this.json = json;
        // Amounts stay exact: 0.1 + 0.2 must not become 0.30000000000000004 on the way through.
        this.reader = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.events = events;
        this.clock = clock;
        Duration backoff = properties.throttleBackoff() == null ? Duration.ofSeconds(60) : properties.throttleBackoff();
        this.limiter = new QboRateLimiter(clock, properties.requestsPerSecond(), properties.requestsPerMinute(),
                backoff);
        Duration timeout = properties.timeout() == null ? DEFAULT_TIMEOUT : properties.timeout();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                // OkHttp would silently send a write again on a broken pooled connection; whether to resend (with
                // the same requestid, after a lookup) is the caller's decision, made on outcomeUnknown.
                .retryOnConnectionFailure(false)
                .build();
    }

    // OAuth ------------------------------------------------------------------------------------------------------

    @Override
    public URI authorizationUrl(String state) {
        return HttpUrl.get(properties.authorizeEndpoint().toString()).newBuilder()
                .addQueryParameter("client_id", properties.clientId())
                .addQueryParameter("response_type", "code")
                .addQueryParameter("scope", QboProperties.SCOPE)
                .addQueryParameter("redirect_uri", properties.redirectUri())
                .addQueryParameter("state", state)
                .build().uri();
    }

    @Override
    public QboTokens exchangeCode(String code) {
        TokenAnswer answer = requestTokens(new FormBody.Builder()
                .add("grant_type", "authorization_code")
                .add("code", code)
                .add("redirect_uri", properties.redirectUri())
                .build());
        if (answer.refusal() != null) {
            // A refused code is a bad or replayed callback, not a lost authorization.
            QboException refused = answer.refusal();
            throw new QboException(Kind.REJECTED, refused.fault(), refused.httpStatus(), refused.intuitTid(), false, 0);
        }
        return answer.tokens();
    }

    @Override
    public boolean revoke(String refreshToken) {
        ObjectNode body = json.createObjectNode().put("token", refreshToken);
        Request request = new Request.Builder()
                .url(properties.revokeEndpoint().toString())
                .header("Authorization", basicAuthorization())
                .header("Accept", "application/json")
                .post(RequestBody.create(json.writeValueAsBytes(body), JSON))
                .build();
        long started = System.nanoTime();
        try (Response response = http.newCall(request).execute()) {
            logAnswer("POST", request.url().encodedPath(), response.code(), started, response.header("intuit_tid"));
            return response.isSuccessful();
        } catch (IOException | RuntimeException e) {
            log.warn("QuickBooks POST {} failed: {}", request.url().encodedPath(), e.getClass().getSimpleName());
            return false;
        }
    }

    // Accounting API ---------------------------------------------------------------------------------------------

    @Override
    public QboReply read(UUID orgId, String entity, String id) {
        Answer answer = call(orgId, Call.get(List.of(path(entity), id), Map.of()));
        return new QboReply(entityOf(answer, entity), answer.intuitTid());
    }

    @Override
    public List<ObjectNode> query(UUID orgId, String entity, String where) {
        requireEntity(entity);
        String select = "SELECT * FROM " + entity + (where == null || where.isBlank() ? "" : " WHERE " + where);
        List<ObjectNode> records = new ArrayList<>();
        for (int start = 1; ; start += PAGE_SIZE) {
            String statement = select + " STARTPOSITION " + start + " MAXRESULTS " + PAGE_SIZE;
            Answer answer = call(orgId, Call.get(List.of("query"), Map.of("query", statement)));
            // Intuit leaves the entity key out of an empty page rather than sending an empty array.
            JsonNode page = answer.body().path("QueryResponse").path(entity);
            int count = 0;
            for (JsonNode record : page) {
                if (record instanceof ObjectNode object) {
                    records.add(object);
                }
                count++;
            }
            if (count < PAGE_SIZE) {
                return records;
            }
        }
    }

    @Override
    public QboReply create(UUID orgId, String entity, ObjectNode body, String requestId) {
        Answer answer = call(orgId, Call.write(List.of(path(entity)), Map.of(), body, requestId));
        return new QboReply(entityOf(answer, entity), answer.intuitTid());
    }

    @Override
    public QboReply update(UUID orgId, String entity, ObjectNode body, String requestId) {
        return create(orgId, entity, body, requestId);
    }

    @Override
    public QboReply voidInvoice(UUID orgId, String id, String syncToken, String requestId) {
        ObjectNode body = json.createObjectNode().put("Id", id).put("SyncToken", syncToken);
        Answer answer = call(orgId, Call.write(List.of("invoice"), Map.of("operation", "void"), body, requestId));
        return new QboReply(entityOf(answer, "Invoice"), answer.intuitTid());
    }

    @Override
    public QboChanges changes(UUID orgId, Set<String> entities, Instant since) {
        if (since.isBefore(clock.instant().minus(CHANGES_WINDOW))) {
            throw new IllegalArgumentException("QuickBooks keeps changes for 30 days; " + since
                    + " is older: resync everything instead");
        }
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("Change data capture needs at least one entity");
        }
        entities.forEach(OkHttpQboApi::requireEntity);
        String changedSince = DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(since.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        Answer answer = call(orgId, Call.get(List.of("cdc"),
                Map.of("entities", String.join(",", new TreeSet<>(entities)), "changedSince", changedSince)));
        Map<String, List<ObjectNode>> changed = new LinkedHashMap<>();
        int total = 0;
        for (JsonNode capture : answer.body().path("CDCResponse")) {
            for (JsonNode response : capture.path("QueryResponse")) {
                for (Map.Entry<String, JsonNode> property : response.properties()) {
                    if (!property.getValue().isArray()) {
                        continue;
                    }
                    List<ObjectNode> records = changed.computeIfAbsent(property.getKey(), key -> new ArrayList<>());
                    for (JsonNode record : property.getValue()) {
                        if (record instanceof ObjectNode object) {
                            records.add(object);
                            total++;
                        }
                    }
                }
            }
        }
        return new QboChanges(changed, total >= PAGE_SIZE, answer.intuitTid());
    }

    @Override
    public List<QboBatchResult> batch(UUID orgId, List<QboBatchItem> items) {
        List<QboBatchResult> results = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += BATCH_SIZE) {
            results.addAll(batchOfAtMost30(orgId, items.subList(from, Math.min(items.size(), from + BATCH_SIZE))));
        }
        return results;
    }

    @Override
    public String companyName(UUID orgId) {
        String realmId = tokens.realmOf(orgId).orElseThrow(OkHttpQboApi::notConnected);
        Answer answer = call(orgId, Call.get(List.of("companyinfo", realmId), Map.of()));
        return entityOf(answer, "CompanyInfo").path("CompanyName").asString("");
    }

    private List<QboBatchResult> batchOfAtMost30(UUID orgId, List<QboBatchItem> items) {
        ObjectNode body = json.createObjectNode();
        ArrayNode requests = body.putArray("BatchItemRequest");
        Map<String, QboBatchItem> byId = new LinkedHashMap<>();
        for (QboBatchItem item : items) {
            byId.put(item.bId(), item);
            ObjectNode request = requests.addObject().put("bId", item.bId());
            if ("query".equalsIgnoreCase(item.operation())) {
                request.put("Query", item.query());
            } else {
                requireEntity(item.entity());
                request.put("operation", item.operation());
                request.set(item.entity(), item.body());
            }
        }
        Answer answer = call(orgId, Call.batch(body));
        List<QboBatchResult> results = new ArrayList<>(items.size());
        for (JsonNode response : answer.body().path("BatchItemResponse")) {
            String bId = QboFaults.text(response.get("bId"));
            Optional<QboFault> fault = QboFaults.fromJson(response);
            if (fault.isPresent()) {
                results.add(new QboBatchResult(bId, null, fault.get()));
                continue;
            }
            QboBatchItem item = byId.get(bId);
            String key = item == null || "query".equalsIgnoreCase(item.operation()) ? "QueryResponse" : item.entity();
            results.add(new QboBatchResult(bId, response.get(key) instanceof ObjectNode entity ? entity : null, null));
        }
        return results;
    }

    // One call with its token, limits, refresh and replay ---------------------------------------------------------

    /**
     * A request to {@code /v3/company/{realm}/…}.
     *
     * @param requestId {@code null} for reads; a write carries it unchanged through every replay
     */
    private record Call(String method, List<String> path, Map<String, String> parameters, ObjectNode body,
                        String requestId, boolean batch) {

        static Call get(List<String> path, Map<String, String> parameters) {
            return new Call("GET", path, parameters, null, null, false);
        }

        static Call write(List<String> path, Map<String, String> parameters, ObjectNode body, String requestId) {
            if (requestId == null || requestId.isBlank() || requestId.length() > 50) {
                throw new IllegalArgumentException("A QuickBooks write needs a requestid of 1 to 50 characters");
            }
            return new Call("POST", path, parameters, body, requestId, false);
        }

        static Call batch(ObjectNode body) {
            return new Call("POST", List.of("batch"), Map.of(), body, null, true);
        }

        boolean write() {
            return body != null;
        }
    }

    /** What came back: the status, the parsed body, and Intuit's transaction id for the sync log. */
    private record Answer(int status, JsonNode body, String text, String intuitTid) {
    }

    private Answer call(UUID orgId, Call call) {
        Stored stored = usableTokens(orgId);
        Answer answer = send(stored, call);
        if (answer.status() == 401) {
            Stored refreshed = refresh(orgId, stored.version());
            answer = send(refreshed, call);
            if (answer.status() == 401) {
                QboFault fault = faultOf(answer);
                authorizationLost(orgId, refreshed, "QuickBooks refused a freshly refreshed access token");
                throw new QboException(Kind.AUTHORIZATION_EXPIRED, fault, 401, answer.intuitTid(), false, 0);
            }
            stored = refreshed;
        }
        if (answer.status() < 200 || answer.status() >= 300) {
            throw failure(orgId, stored, call, answer, faultOf(answer));
        }
        // A 200 can still carry a Fault (a batch's items are the caller's business, not a failure of the call).
        Optional<QboFault> fault = call.batch() ? Optional.empty()
                : answer.body() != null ? QboFaults.fromJson(answer.body()) : QboFaults.parse(answer.text());
        if (fault.isPresent()) {
            throw failure(orgId, stored, call, answer, fault.get());
        }
        if (answer.body() == null) {
            throw new QboException(Kind.UNAVAILABLE, new QboFault(null, "QuickBooks answered " + answer.status()
                    + " with a body that is not JSON", null, null), answer.status(), answer.intuitTid(),
                    call.write(), UNAVAILABLE_RETRY_SECONDS);
        }
        return answer;
    }

    private Answer send(Stored stored, Call call) {
        pause(limiter.reserve(stored.realmId(), call.batch()));
        HttpUrl.Builder url = HttpUrl.get(properties.apiBase()).newBuilder()
                .addPathSegments("v3/company")
                .addPathSegment(stored.realmId());
        call.path().forEach(url::addPathSegment);
        call.parameters().forEach(url::addQueryParameter);
        if (call.requestId() != null) {
            url.addQueryParameter("requestid", call.requestId());
        }
        url.addQueryParameter("minorversion", MINOR_VERSION);
        HttpUrl target = url.build();
        SentBody body = call.body() == null ? null : new SentBody(json.writeValueAsBytes(call.body()));
        Request request = new Request.Builder()
                .url(target)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + stored.tokens().accessToken())
                .method(call.method(), body)
                .build();
        long started = System.nanoTime();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            String intuitTid = response.header("intuit_tid");
            logAnswer(call.method(), target.encodedPath(), response.code(), started, intuitTid);
            return new Answer(response.code(), parseJson(text), text, intuitTid);
        } catch (IOException e) {
            boolean outcomeUnknown = body != null && body.sent;
            log.warn("QuickBooks {} {} got no answer after {} ms: {}{}", call.method(), target.encodedPath(),
                    elapsedMillis(started), e.getClass().getSimpleName(),
                    outcomeUnknown ? " (the request was sent: QuickBooks may have committed it)" : "");
            throw new QboException(Kind.UNAVAILABLE, new QboFault(null,
                    "No answer from QuickBooks (" + e.getClass().getSimpleName() + ")", null, null), 0, null,
                    outcomeUnknown, UNAVAILABLE_RETRY_SECONDS);
        }
    }

    private QboException failure(UUID orgId, Stored stored, Call call, Answer answer, QboFault fault) {
        Kind kind = QboFaults.kindOf(answer.status(), fault);
        long retryAfter = 0;
        boolean outcomeUnknown = false;
        switch (kind) {
            case THROTTLED -> retryAfter = limiter.backOff(stored.realmId()).toSeconds();
            // A gateway's 502/504 can come after QuickBooks committed the write.
            case UNAVAILABLE -> {
                retryAfter = UNAVAILABLE_RETRY_SECONDS;
                outcomeUnknown = call.write();
            }
            case ACCESS_DENIED -> {
                if ("120".equals(fault.code())) {
                    authorizationLost(orgId, stored, "The QuickBooks user who connected lost access (fault 120)");
                }
            }
            default -> {
            }
        }
        log.warn("QuickBooks {} /{} refused: {} {} ({}, intuit_tid {})", call.method(), String.join("/", call.path()),
                answer.status(), fault.code(), kind, answer.intuitTid());
        return new QboException(kind, fault, answer.status(), answer.intuitTid(), outcomeUnknown, retryAfter);
    }

    // Tokens -----------------------------------------------------------------------------------------------------

    private Stored usableTokens(UUID orgId) {
        Stored stored = tokens.find(orgId).orElseThrow(OkHttpQboApi::notConnected);
        if (stored.expired()) {
            throw authorizationExpired(null, 0, null);
        }
        return fresh(stored) ? stored : refresh(orgId, stored.version());
    }

    private boolean fresh(Stored stored) {
        return stored.tokens().accessExpiresAt().isAfter(clock.instant().plus(REFRESH_AHEAD));
    }

    /**
     * Replaces the access token found stale (or refused) in version {@code staleVersion} of the stored tokens —
     * unless another caller already did, in which case its tokens are used.
     */
    private Stored refresh(UUID orgId, long staleVersion) {
        ReentrantLock lock = refreshLocks.computeIfAbsent(orgId, id -> new ReentrantLock());
        lock.lock();
        try {
            Refresh first = tokens.underRowLock(orgId, row -> refreshLocked(row, staleVersion, false));
            if (first.tokens() != null) {
                return first.tokens();
            }
            // invalid_grant. A writer that did not wait for our row lock may have stored a newer refresh token
            // meanwhile (Intuit's rotation-race recovery): read again and try that one, once.
            Refresh second = tokens.underRowLock(orgId, row -> refreshLocked(row, first.refusedVersion(), true));
            if (second.tokens() != null) {
                return second.tokens();
            }
            Refresh refused = second.refusal() != null ? second : first;
            Stored lost = tokens.find(orgId).orElseThrow(OkHttpQboApi::notConnected);
            if (lost.version() == refused.refusedVersion()) {
                authorizationLost(orgId, lost, "QuickBooks refused the refresh token (invalid_grant)");
            }
            throw refused.refusal();
        } finally {
            lock.unlock();
        }
    }

    /** The outcome of one refresh attempt: new tokens, or Intuit's refusal of the token in {@code refusedVersion}. */
    private record Refresh(Stored tokens, long refusedVersion, QboException refusal) {
    }

    /**
     * Holding the row lock: uses tokens stored since {@code seenVersion} if they are fresh; otherwise refreshes
     * (with {@code onlyNewer}, only when a newer refresh token than the refused one is stored).
     */
    private Refresh refreshLocked(Optional<Stored> row, long seenVersion, boolean onlyNewer) {
        Stored current = row.orElseThrow(OkHttpQboApi::notConnected);
        if (current.expired()) {
            throw authorizationExpired(null, 0, null);
        }
        boolean changed = current.version() != seenVersion;
        if (changed && fresh(current)) {
            return new Refresh(current, 0, null);
        }
        if (onlyNewer && !changed) {
            return new Refresh(null, current.version(), null);
        }
        TokenAnswer answer = requestTokens(new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("refresh_token", current.tokens().refreshToken())
                .build());
        if (answer.refusal() != null) {
            return new Refresh(null, current.version(), answer.refusal());
        }
        return new Refresh(tokens.replace(current, answer.tokens()), 0, null);
    }

    /** Intuit's answer from the token endpoint: tokens, or its refusal of the grant ({@code invalid_grant}). */
    private record TokenAnswer(QboTokens tokens, QboException refusal) {
    }

    private TokenAnswer requestTokens(FormBody form) {
        Request request = new Request.Builder()
                .url(properties.tokenEndpoint().toString())
                .header("Authorization", basicAuthorization())
                .header("Accept", "application/json")
                // Asks for the 5-year hard expiry of the refresh token (x_refresh_token_hard_expires_in).
                .header("x-include-refresh-token-hard-expires-in", "true")
                .post(form)
                .build();
        Instant sentAt = clock.instant();
        long started = System.nanoTime();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            String intuitTid = response.header("intuit_tid");
            logAnswer("POST", request.url().encodedPath(), response.code(), started, intuitTid);
            Answer answer = new Answer(response.code(), parseJson(text), text, intuitTid);
            if (response.isSuccessful() && answer.body() != null && answer.body().hasNonNull("access_token")) {
                return new TokenAnswer(tokensOf(answer.body(), sentAt), null);
            }
            QboFault fault = faultOf(answer);
            if ("invalid_grant".equals(fault.code())) {
                return new TokenAnswer(null, authorizationExpired(fault, response.code(), intuitTid));
            }
            Kind kind = response.code() == 429 ? Kind.THROTTLED
                    : response.code() >= 500 || response.isSuccessful() ? Kind.UNAVAILABLE : Kind.REJECTED;
            throw new QboException(kind, fault, response.code(), intuitTid, false,
                    kind == Kind.REJECTED ? 0 : UNAVAILABLE_RETRY_SECONDS);
        } catch (IOException e) {
            log.warn("QuickBooks POST {} got no answer: {}", request.url().encodedPath(), e.getClass().getSimpleName());
            throw new QboException(Kind.UNAVAILABLE, new QboFault(null,
                    "Intuit's token endpoint did not answer (" + e.getClass().getSimpleName() + ")", null, null),
                    0, null, false, UNAVAILABLE_RETRY_SECONDS);
        }
    }

    private static QboTokens tokensOf(JsonNode body, Instant sentAt) {
        return new QboTokens(body.path("access_token").asString(), after(sentAt, body.get("expires_in")),
                body.path("refresh_token").asString(), after(sentAt, body.get("x_refresh_token_expires_in")),
                after(sentAt, body.get("x_refresh_token_hard_expires_in")));
    }

    /** Lifetimes count from when the request was sent, so a slow answer errs on the early side. */
    private static Instant after(Instant sentAt, JsonNode seconds) {
        if (seconds == null || !(seconds.isNumber() || seconds.isString())) {
            return null;
        }
        return sentAt.plusSeconds(Long.parseLong(seconds.asString().strip()));
    }

    private void authorizationLost(UUID orgId, Stored stored, String reason) {
        tokens.markExpired(orgId, stored.version(), reason);
        log.warn("QuickBooks authorization of organization {} (realm {}) lost: {}", orgId, stored.realmId(), reason);
        events.publishEvent(new QboAuthorizationLost(orgId, stored.realmId(), reason));
    }

    private static QboException notConnected() {
        return new QboException(Kind.NOT_CONNECTED, null, 0, null, false, 0);
    }

    private static QboException authorizationExpired(QboFault fault, int status, String intuitTid) {
        return new QboException(Kind.AUTHORIZATION_EXPIRED, fault, status, intuitTid, false, 0);
    }

    // Helpers ----------------------------------------------------------------------------------------------------

    private String basicAuthorization() {
        String credentials = properties.clientId() + ":" + properties.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode parseJson(String text) {
        if (text == null || text.isBlank() || !text.strip().startsWith("{")) {
            return null;
        }
        try {
            return reader.readTree(text);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static QboFault faultOf(Answer answer) {
        Optional<QboFault> fault = answer.body() != null ? QboFaults.fromJson(answer.body())
                : QboFaults.parse(answer.text());
        return fault.orElseGet(() -> new QboFault(null, "HTTP " + answer.status() + " without a fault", null, null));
    }

    private static ObjectNode entityOf(Answer answer, String entity) {
        if (answer.body().get(entity) instanceof ObjectNode record) {
            return record;
        }
        throw new QboException(Kind.UNAVAILABLE, new QboFault(null,
                "QuickBooks answered without the " + entity, null, null), answer.status(), answer.intuitTid(), false,
                UNAVAILABLE_RETRY_SECONDS);
    }

    private static String path(String entity) {
        requireEntity(entity);
        return entity.toLowerCase(Locale.ROOT);
    }

    private static void requireEntity(String entity) {
        if (entity == null || !ENTITY.matcher(entity).matches()) {
            throw new IllegalArgumentException("Not a QuickBooks entity name: " + entity);
        }
    }

    private static void pause(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QboException(Kind.UNAVAILABLE, new QboFault(null, "Interrupted while waiting for a slot",
                    null, null), 0, null, false, 1);
        }
    }

    private static void logAnswer(String method, String path, int status, long started, String intuitTid) {
        if (status >= 200 && status < 300) {
            log.debug("QuickBooks {} {} answered {} in {} ms (intuit_tid {})", method, path, status,
                    elapsedMillis(started), intuitTid);
        } else {
            log.info("QuickBooks {} {} answered {} in {} ms (intuit_tid {})", method, path, status,
                    elapsedMillis(started), intuitTid);
        }
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** A request body that remembers whether it was written out: after that, a lost answer is an unknown outcome. */
    private static final class SentBody extends RequestBody {

        private final byte[] bytes;
        private volatile boolean sent;

        SentBody(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
            sink.flush();
            sent = true;
        }
    }
}
