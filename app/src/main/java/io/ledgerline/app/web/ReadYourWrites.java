package io.ledgerline.app.web;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Reads are eventually consistent; a client that just wrote version N asks for {@code ?minVersion=N} and the read
 * waits, without blocking, until the read model has caught up (at most two seconds, then a 503 to retry). A
 * record that does not exist (or belongs to another organization) is a 404.
 */
public final class ReadYourWrites {

    private static final Duration POLL = Duration.ofMillis(25);
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    private ReadYourWrites() {
    }

    public static <T> Mono<ResponseEntity<T>> read(Long minVersion, Supplier<Mono<T>> query, ToLongFunction<T> version,
                                                   String notFoundCode) {
        Mono<T> current = Mono.defer(query);
        Mono<T> result = minVersion == null ? current : current
                .filter(view -> version.applyAsLong(view) >= minVersion)
                .switchIfEmpty(Mono.error(NotYet::new))
                .retryWhen(Retry.fixedDelay(PATIENCE.toMillis() / POLL.toMillis(), POLL)
                        .filter(NotYet.class::isInstance))
                .onErrorResume(error -> error instanceof NotYet || Exceptions.isRetryExhausted(error),
                        exhausted -> current.flatMap(view -> Mono.error(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE,
                                "read_model.behind", "The read model has not reached version " + minVersion
                                        + " yet; retry shortly."))));
        return result
                .map(view -> ResponseEntity.ok().eTag(Versions.etag(version.applyAsLong(view))).body(view))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(notFoundCode, "No such record.")));
    }

    /** The {@code minVersion} of a single-record GET, which accepts no other query parameter. */
    public static Long minVersion(MultiValueMap<String, String> query) {
        QueryParameters.of(query, false, "minVersion");
        return minVersion(query.getFirst("minVersion"));
    }

    public static Long minVersion(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < 0) {
                throw new NumberFormatException(raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("request.bad_query", "Query parameter 'minVersion' is not valid.",
                    new FieldViolation("minVersion", "invalid", "expected a version (a whole number from 0)"));
        }
    }

    private static final class NotYet extends RuntimeException {

        NotYet() {
            super(null, null, false, false);
        }
    }
}
