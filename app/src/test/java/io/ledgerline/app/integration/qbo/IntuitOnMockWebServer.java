package io.ledgerline.app.integration.qbo;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Intuit's OAuth token endpoint and the accounting API's authentication as the contract describes them (§1, §3),
 * for the client's own tests: refresh tokens rotate on every refresh and the old one is answered
 * {@code invalid_grant}; an unknown bearer gets the gateway's lowercase 401 (3200). What the API answers to an
 * authenticated request is each test's {@link #api} handler.
 */
final class IntuitOnMockWebServer extends Dispatcher {

    static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";
    static final String REVOKE_PATH = "/v2/oauth2/tokens/revoke";

    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    final CopyOnWriteArrayList<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<RecordedRequest> apiRequests = new CopyOnWriteArrayList<>();
    volatile Function<RecordedRequest, MockResponse> api = request -> json(200, "{}");
    /** Runs when a refresh arrives, before it is answered (a sibling process acting meanwhile). */
    volatile UnaryOperator<String> beforeRefresh = refreshToken -> refreshToken;
    volatile long tokenDelayMillis;
    volatile int hardExpiresInSeconds;

    /** Issues a valid pair, as a code exchange would: {@code [access, refresh]}. */
    String[] issue() {
        int n = issued.incrementAndGet();
        String access = "access-" + n;
        String refresh = "refresh-" + n;
        accessTokens.add(access);
        refreshTokens.add(refresh);
        return new String[] {access, refresh};
    }

    /** A sibling process refreshed with {@code refresh}: it is dead now, and the pair it got is returned. */
    String[] rotateAway(String refresh) {
        refreshTokens.remove(refresh);
        return issue();
    }

    void expireAccessTokens() {
        accessTokens.clear();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        if (path.equals(TOKEN_PATH)) {
            tokenRequests.add(request);
            // A slow token endpoint, so that concurrent callers pile up behind one refresh.
            return token(request).newBuilder()
                    .headersDelay(tokenDelayMillis, TimeUnit.MILLISECONDS)
                    .build();
        }
        if (path.equals(REVOKE_PATH)) {
            return new MockResponse.Builder().code(200).build();
        }
        apiRequests.add(request);
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !accessTokens.contains(authorization.substring("Bearer ".length()))) {
            return json(401, """
                    {"fault":{"error":[{"message":"message=AuthenticationFailed; errorCode=003200; statusCode=401",\
                    "detail":"Token expired","code":"3200"}],"type":"AUTHENTICATION"}}""");
        }
        return api.apply(request);
    }

    private MockResponse token(RecordedRequest request) {
        Map<String, String> form = form(request);
        if (!"refresh_token".equals(form.get("grant_type"))) {
            String[] pair = issue();
            return tokens(pair);
        }
        String presented = beforeRefresh.apply(form.get("refresh_token"));
        if (!refreshTokens.remove(presented)) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token invalid\"}");
        }
        return tokens(issue());
    }

    private MockResponse tokens(String[] pair) {
        String hard = hardExpiresInSeconds > 0 ? ",\"x_refresh_token_hard_expires_in\":" + hardExpiresInSeconds : "";
        return json(200, "{\"token_type\":\"bearer\",\"access_token\":\"" + pair[0] + "\",\"expires_in\":3600,"
                + "\"refresh_token\":\"" + pair[1] + "\",\"x_refresh_token_expires_in\":8726400" + hard + "}");
    }

    static Map<String, String> form(RecordedRequest request) {
        Map<String, String> form = new ConcurrentHashMap<>();
        for (String pair : request.getBody().utf8().split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
        }
        return form;
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("intuit_tid", "tid-" + status + "-" + body.length())
                .body(body)
                .build();
    }
}
