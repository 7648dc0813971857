package io.ledgerline.app.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/** The caller of the current request, from the reactive security context. */
public final class Callers {

    private Callers() {
    }

    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .filter(CallerAuthentication.class::isInstance)
                .map(authentication -> ((CallerAuthentication) authentication).getPrincipal())
                .switchIfEmpty(Mono.error(new AuthenticationCredentialsNotFoundException("No caller")));
    }

    /** The caller if the request is authenticated, empty otherwise (sign-up, login). */
    public static Mono<Caller> optional() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .filter(CallerAuthentication.class::isInstance)
                .map(authentication -> ((CallerAuthentication) authentication).getPrincipal());
    }
}
