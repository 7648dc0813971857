package io.ledgerline.app.web;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.command.CommandOutcome;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A PATCH is merged onto the record as read and sent with that read's version as the expected one, so a change made
 * in between is never overwritten: it fails with 412 (If-Match given) or is merged again onto the newer version.
 */
public final class MergedPatch {

    /**
     * Without If-Match a PATCH merges onto the newest read; a read model a moment behind is retried, not refused. That
     * includes a part of the record (a task of a project) added a moment ago and not shown yet: only when it is still
     * missing after the retries is it really not there.
     */
    private static final Retry CATCH_UP = Retry.backoff(5, Duration.ofMillis(50))
            .filter(failure -> isStale(failure) || failure instanceof PartNotShownYet)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure() instanceof PartNotShownYet missing
                    ? missing.problem : signal.failure());

    private MergedPatch() {
    }

    /**
     * @param ifMatch the version from {@code If-Match}, or {@code null}
     * @param merge   the command to send, made from the record as read (it may refuse with an {@link ApiProblem})
     */
    public static <V> Mono<CommandOutcome> send(CommandDispatcher commands, Long ifMatch, Supplier<Mono<V>> query,
                                                ToLongFunction<V> version, String notFoundCode,
                                                Function<V, Object> merge) {
        Mono<CommandOutcome> attempt = Mono.defer(() -> current(ifMatch, query, version, notFoundCode)
                .flatMap(current -> commands.send(mergeOnto(current, merge, ifMatch), version.applyAsLong(current))));
        return ifMatch == null ? attempt.retryWhen(CATCH_UP) : attempt;
    }

    /**
     * The record a write is based on. Without If-Match it is awaited at version 0, so that a write sent right after
     * the creation finds the record even while the read model is a moment behind; with If-Match it is awaited at that
     * version, and a record that moved past it is a 412.
     */
    public static <V> Mono<V> current(Long ifMatch, Supplier<Mono<V>> query, ToLongFunction<V> version,
                                      String notFoundCode) {
        return ReadYourWrites.read(ifMatch == null ? 0L : ifMatch, query, version, notFoundCode)
                .map(ResponseEntity::getBody)
                .flatMap(current -> ifMatch != null && version.applyAsLong(current) != ifMatch
                        ? Mono.error(new ApiProblem(HttpStatus.PRECONDITION_FAILED, "version.stale",
                        "The record changed since you read it (If-Match is stale). Read it again and retry."))
                        : Mono.just(current));
    }

    private static <V> Object mergeOnto(V current, Function<V, Object> merge, Long ifMatch) {
        try {
            return merge.apply(current);
        } catch (ApiProblem problem) {
            throw ifMatch == null && problem.status() == HttpStatus.NOT_FOUND ? new PartNotShownYet(problem) : problem;
        }
    }

    private static final class PartNotShownYet extends RuntimeException {

        private final transient ApiProblem problem;

        PartNotShownYet(ApiProblem problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    private static boolean isStale(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof ConflictingAggregateVersionException) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }
}
