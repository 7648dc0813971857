package io.ledgerline.app.web;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** Every error that reaches the web layer, from a controller or from routing, answers as a problem. */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private final ProblemWriter writer;

    public ProblemWebExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        return writer.write(exchange, failure);
    }
}
