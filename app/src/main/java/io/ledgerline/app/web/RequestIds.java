package io.ledgerline.app.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one), echoes it on the
 * response, and makes it available to the command metadata and the logs. Runs before security, so even a 401
 * carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String CONTEXT_KEY = "ledgerline.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        exchange.getAttributes().put(CONTEXT_KEY, requestId);
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        return chain.filter(exchange).contextWrite(context -> context.put(CONTEXT_KEY, requestId));
    }

    public static String of(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(CONTEXT_KEY);
        return id == null ? null : id.toString();
    }
}
