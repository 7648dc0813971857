package io.ledgerline.app.security;

import io.ledgerline.app.config.LedgerlineProperties;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.ProblemWriter;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.member.Role;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Stateless bearer-token security. Only sign-up, login, token refresh, health, the API description and the
 * callbacks that authenticate themselves (QuickBooks' OAuth callback and webhooks, the cron trigger) are open;
 * everything else needs a valid access token, and each endpoint names the permission it needs.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, CallerResolver callers, ProblemWriter problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/v1/auth/signup", "/api/v1/auth/login",
                                "/api/v1/auth/refresh").permitAll()
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/webjars/**").permitAll()
                        // Authenticated by what they carry instead of a bearer token: the OAuth state, Intuit's
                        // signature over the body, the cron token.
                        .pathMatchers(HttpMethod.GET, "/api/v1/integrations/qbo/callback").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/webhooks/qbo", "/api/v1/cron/qbo-sync-all").permitAll()
                        // A member who must enrol in MFA first holds nothing but mfa:enroll: everything else,
                        // including reads that need no particular permission, is refused until they have enrolled.
                        .pathMatchers(HttpMethod.POST, "/api/v1/auth/mfa/enroll", "/api/v1/auth/mfa/confirm")
                        .authenticated()
                        .anyExchange().hasAnyAuthority(permissionsBeyondEnrolment()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(callers))
                        .authenticationEntryPoint((exchange, failure) -> problems.write(exchange,
                                new ApiProblem(HttpStatus.UNAUTHORIZED, "auth.unauthenticated",
                                        "A valid bearer access token is required.")))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, denied)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, failure) -> problems.write(exchange,
                                new ApiProblem(HttpStatus.UNAUTHORIZED, "auth.unauthenticated",
                                        "A valid bearer access token is required.")))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, denied)))
                .build();
    }

    /** Every role grants at least one of these; a caller restricted to enrolment holds none. */
    private static String[] permissionsBeyondEnrolment() {
        return java.util.Arrays.stream(Role.values())
                .flatMap(role -> role.permissions().stream())
                .filter(permission -> !permission.equals(Permissions.MFA_ENROLL))
                .distinct()
                .sorted()
                .toArray(String[]::new);
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecretKey tokenSigningKey, LedgerlineProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(tokenSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.auth().issuer())));
        return decoder;
    }

    /** Argon2id: memory-hard, verified on login only (requests carry the JWT, never the password). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}
