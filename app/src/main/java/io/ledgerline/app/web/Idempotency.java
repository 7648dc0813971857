package io.ledgerline.app.web;

import io.ledgerline.app.security.Callers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} on POST: the first response to a key is stored (unless it is a 5xx, which the client may
 * retry) and replayed byte for byte for the same request; the same key with a different request is a 422, and a
 * request still running under the key is a 409. Runs after security, so keys are scoped per caller.
 *
 * <p>Responses that carry credentials (login, token refresh, MFA enrolment) are never stored: those endpoints
 * accept the header but answer afresh each time.
 */
@Component
@Order(0)
public class Idempotency implements WebFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String CONTEXT_KEY = "ledgerline.idempotencyKey";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final Set<String> CREDENTIAL_RESPONSES = Set.of(
            "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/mfa/enroll");

    private final IdempotencyStore store;
    private final ProblemWriter problems;

    public Idempotency(IdempotencyStore store, ProblemWriter problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String key = request.getHeaders().getFirst(HEADER);
        if (request.getMethod() != HttpMethod.POST || key == null
                || CREDENTIAL_RESPONSES.contains(request.getPath().value())) {
            return chain.filter(exchange);
        }
        if (!SANE_KEY.matcher(key).matches()) {
            return problems.write(exchange, ApiProblem.badRequest("request.bad_idempotency_key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters.",
                    new FieldViolation(HEADER, "invalid", "1 to 255 visible ASCII characters")));
        }
        return Callers.optional()
                .map(caller -> caller.memberId().toString())
                .defaultIfEmpty("anonymous")
                .flatMap(scope -> DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
                        .map(Idempotency::drain)
                        .defaultIfEmpty(new byte[0])
                        .flatMap(body -> handle(exchange, chain, scope, key, body)))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> problems.write(exchange,
                        ApiProblem.badRequest("request.too_large", "The request body is larger than this API accepts.")))
                .contextWrite(context -> context.put(CONTEXT_KEY, key));
    }

    private Mono<Void> handle(ServerWebExchange exchange, WebFilterChain chain, String scope, String key, byte[] body) {
        String fingerprint = fingerprint(exchange.getRequest(), body);
        return store.claim(scope, key, fingerprint).flatMap(claimed -> {
            if (claimed) {
                return proceed(exchange, chain, scope, key, body);
            }
            // The answers below complete empty (Mono<Void>): only a record that vanished (released after a 5xx
            // between claim and find) may lead to a new attempt, so emptiness is tested on the lookup alone.
            return store.find(scope, key).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(found -> found.isEmpty() ? handle(exchange, chain, scope, key, body)
                            : answer(exchange, found.get(), fingerprint));
        });
    }

    private Mono<Void> answer(ServerWebExchange exchange, IdempotencyStore.StoredResponse stored, String fingerprint) {
        if (!stored.requestHash().equals(fingerprint)) {
            return problems.write(exchange, new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency.key_reused", "This Idempotency-Key was used for a different request."));
        }
        if (stored.status() == null) {
            return problems.write(exchange, ApiProblem.conflict("idempotency.in_progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly."));
        }
        return replay(exchange.getResponse(), stored);
    }

    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, String scope, String key,
                               byte[] body) {
        RecordingResponse response = new RecordingResponse(exchange.getResponse(), (answered, bytes) -> {
            int status = answered.getStatusCode() == null ? 200 : answered.getStatusCode().value();
            // A 5xx is not an answer worth keeping: the client may retry under the same key.
            return status >= 500 ? store.release(scope, key)
                    : store.complete(scope, key, status, answered.getHeaders(), bytes);
        });
        ServerWebExchange replayable = exchange.mutate()
                .request(new CachedBodyRequest(exchange.getRequest(), body))
                .response(response)
                .build();
        return chain.filter(replayable)
                .onErrorResume(failure -> problems.write(replayable, failure))
                .then(Mono.defer(() -> response.recordOnce(new byte[0])))
                .onErrorResume(failure -> store.release(scope, key).then(Mono.error(failure)));
    }

    private static Mono<Void> replay(ServerHttpResponse response, IdempotencyStore.StoredResponse stored) {
        response.setRawStatusCode(stored.status());
        stored.headers().forEach((name, value) -> response.getHeaders().set(name, value));
        response.getHeaders().set(REPLAYED_HEADER, "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private static String fingerprint(ServerHttpRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod().name() + ' ' + request.getURI().getRawPath() + '?'
                    + request.getURI().getRawQuery() + '\n').getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The request body was read to fingerprint it; downstream reads this copy. */
    private static final class CachedBodyRequest extends ServerHttpRequestDecorator {

        private final byte[] body;

        CachedBodyRequest(ServerHttpRequest delegate, byte[] body) {
            super(delegate);
            this.body = body;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> body.length == 0 ? Flux.empty()
                    : Flux.just(org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }

    /**
     * Stores the answer before it leaves: a retry that arrives the moment the client has the first response finds
     * it stored and replays it, instead of finding the key still in progress.
     */
    private static final class RecordingResponse extends ServerHttpResponseDecorator {

        private final BiFunction<ServerHttpResponse, byte[], Mono<Void>> record;
        private boolean recorded;

        RecordingResponse(ServerHttpResponse delegate, BiFunction<ServerHttpResponse, byte[], Mono<Void>> record) {
            super(delegate);
            this.record = record;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return DataBufferUtils.join(Flux.from(body))
                    .map(Idempotency::drain)
                    .defaultIfEmpty(new byte[0])
                    .flatMap(bytes -> recordOnce(bytes).then(Mono.defer(() ->
                            super.writeWith(Mono.fromSupplier(() -> bufferFactory().wrap(bytes))))));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).concatMap(Flux::from));
        }

        @Override
        public Mono<Void> setComplete() {
            return recordOnce(new byte[0]).then(Mono.defer(super::setComplete));
        }

        Mono<Void> recordOnce(byte[] bytes) {
            if (recorded) {
                return Mono.empty();
            }
            recorded = true;
            return record.apply(this, bytes);
        }
    }
}
