package io.ledgerline.app.command;

import io.ledgerline.app.security.Caller;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.Idempotency;
import io.ledgerline.app.web.RequestIds;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends commands without blocking a Netty thread. With the local command bus the handler and the event-store
 * append run on the sending thread, so sending happens on the bounded-elastic scheduler. Each command carries the
 * audit metadata of the request: who, which request, which idempotency key.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway gateway;
    private final TransactionTemplate transactions;

    public CommandDispatcher(CommandGateway gateway, TransactionTemplate transactions) {
        this.gateway = gateway;
        this.transactions = transactions;
    }

    public Mono<CommandOutcome> send(Object command) {
        return send(command, null);
    }

    /** @param expectedVersion the version from {@code If-Match}; {@code null} accepts any version */
    public Mono<CommandOutcome> send(Object command, Long expectedVersion) {
        return metadata(null, expectedVersion).flatMap(metadata -> Mono
                .fromFuture(() -> gateway.<CommandOutcome>send(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(metadata)))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /** Sends the command made for the calling member (whose organization it must name). */
    public Mono<CommandOutcome> sendFor(Function<Caller, ?> command, Long expectedVersion) {
        return Callers.current().flatMap(caller -> send(command.apply(caller), expectedVersion));
    }

    /**
     * Runs blocking work, which may send several commands and write command-side tables, in one JDBC transaction
     * off the event loop: either every event and row is stored, or none is.
     *
     * @param actor who to record as the actor when the request is not authenticated (sign-up)
     */
    public <T> Mono<T> inTransaction(String actor, Function<Commands, T> work) {
        return metadata(actor, null).flatMap(metadata -> Mono
                .fromCallable(() -> transactions.execute(status -> work.apply(command -> gateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(metadata)))))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    private Mono<MetaData> metadata(String fallbackActor, Long expectedVersion) {
        return Callers.optional()
                .map(caller -> caller.memberId().toString())
                .defaultIfEmpty(fallbackActor == null ? "anonymous" : fallbackActor)
                .flatMap(actor -> Mono.deferContextual(context -> {
                    Map<String, Object> values = new HashMap<>();
                    values.put(CommandMetadata.ACTOR, actor);
                    context.<String>getOrEmpty(RequestIds.CONTEXT_KEY)
                            .ifPresent(id -> values.put(CommandMetadata.REQUEST_ID, id));
                    context.<String>getOrEmpty(Idempotency.CONTEXT_KEY)
                            .ifPresent(key -> values.put(CommandMetadata.IDEMPOTENCY_KEY, key));
                    if (expectedVersion != null) {
                        values.put(CommandMetadata.EXPECTED_VERSION, expectedVersion);
                    }
                    return Mono.just(MetaData.from(values));
                }));
    }

    /** Sends one command synchronously inside {@link #inTransaction}. */
    @FunctionalInterface
    public interface Commands {

        CommandOutcome send(Object command);
    }
}
