package io.ledgerline.app.security;

import io.ledgerline.app.config.LedgerlineProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Issues short-lived access tokens (HS256 JWTs) naming the member and their organization. */
@Component
public class AccessTokens {

    static final String ORG_CLAIM = "org";

    private final NimbusJwtEncoder encoder;
    private final LedgerlineProperties.Auth settings;
    private final Clock clock;

    AccessTokens(SecretKey tokenSigningKey, LedgerlineProperties properties, Clock clock) {
        this.encoder = NimbusJwtEncoder.withSecretKey(tokenSigningKey).build();
        this.settings = properties.auth();
        this.clock = clock;
    }

    public IssuedToken issue(UUID memberId, UUID orgId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(memberId.toString())
                .claim(ORG_CLAIM, orgId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .build();
        String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(value, settings.accessTokenTtl().toSeconds());
    }

    public record IssuedToken(String value, long expiresInSeconds) {
    }
}
