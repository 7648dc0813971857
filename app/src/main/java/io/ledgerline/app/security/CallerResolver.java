package io.ledgerline.app.security;

import io.ledgerline.domain.member.Role;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns a verified access token into a {@link Caller}. The role, the active flag and the MFA policy are read
 * from the account registry on every request (one indexed, non-blocking read), so a demotion, a deactivation or a
 * newly enforced MFA policy takes effect at once instead of when the token expires.
 */
@Component
class CallerResolver implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final DatabaseClient database;

    CallerResolver(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt token) {
        UUID memberId = UUID.fromString(token.getSubject());
        UUID orgId = UUID.fromString(token.getClaimAsString(AccessTokens.ORG_CLAIM));
        return access(memberId)
                .filter(access -> access.active() && access.orgId().equals(orgId))
                .switchIfEmpty(Mono.error(new DisabledException("The member is no longer active")))
                .map(access -> new CallerAuthentication(
                        new Caller(memberId, orgId, access.role(), access.permissions()), token));
    }

    Mono<AccountAccess> access(UUID memberId) {
        return database.sql("""
                        SELECT a.member_id, a.org_id, a.role, a.active, a.mfa_enrolled, o.mfa_required
                        FROM account a JOIN org_security o ON o.org_id = a.org_id
                        WHERE a.member_id = :memberId""")
                .bind("memberId", memberId)
                .map(row -> new AccountAccess(row.get("member_id", UUID.class), row.get("org_id", UUID.class),
                        Role.valueOf(row.get("role", String.class)), Boolean.TRUE.equals(row.get("active", Boolean.class)),
                        Boolean.TRUE.equals(row.get("mfa_enrolled", Boolean.class)),
                        Boolean.TRUE.equals(row.get("mfa_required", Boolean.class))))
                .one();
    }
}
