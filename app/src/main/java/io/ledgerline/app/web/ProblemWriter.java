package io.ledgerline.app.web;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem as {@code application/problem+json}; shared by the error handler, security and idempotency. */
@Component
public class ProblemWriter {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, Throwable failure) {
        String requestId = RequestIds.of(exchange);
        ApiProblem problem = ProblemTranslator.translate(failure, requestId);
        Problem body = new Problem(Problem.TYPE_PREFIX + problem.code(), problem.status().getReasonPhrase(),
                problem.status().value(), problem.getMessage(), exchange.getRequest().getPath().value(),
                problem.code(), problem.errors(), requestId);
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(PROBLEM_JSON);
        response.getHeaders().remove("ETag");
        response.getHeaders().remove("Location");
        byte[] bytes = json.writeValueAsBytes(body);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }
}
