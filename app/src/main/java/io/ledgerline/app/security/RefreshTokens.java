package io.ledgerline.app.security;

import io.ledgerline.app.config.LedgerlineProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Long-lived refresh tokens, stored only as hashes. Every refresh rotates the token; a token presented a second
 * time means it leaked, so its whole family is revoked and the member must sign in again. Blocking (JDBC): call
 * inside a transaction off the event loop.
 */
@Component
class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final LedgerlineProperties.Auth settings;
    private final Clock clock;

    RefreshTokens(JdbcTemplate jdbc, LedgerlineProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.auth();
        this.clock = clock;
    }

    String issue(UUID memberId) {
        return issue(memberId, UUID.randomUUID());
    }

    /** The member whose token this was, if it is valid; the token is spent either way. */
    Optional<UUID> redeem(String token) {
        List<Row> rows = jdbc.query("""
                        SELECT member_id, family_id, expires_at, used_at, revoked FROM refresh_token
                        WHERE token_hash = ? FOR UPDATE""",
                (rs, i) -> new Row(rs.getObject("member_id", UUID.class), rs.getObject("family_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("used_at") != null,
                        rs.getBoolean("revoked")),
                hash(token));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        if (row.used() || row.revoked()) {
            jdbc.update("UPDATE refresh_token SET revoked = TRUE WHERE family_id = ?", row.familyId());
            return Optional.empty();
        }
        jdbc.update("UPDATE refresh_token SET used_at = ? WHERE token_hash = ?", Timestamp.from(clock.instant()),
                hash(token));
        if (row.expiresAt().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(row.memberId());
    }

    String rotate(UUID memberId, String spentToken) {
        UUID family = jdbc.queryForObject("SELECT family_id FROM refresh_token WHERE token_hash = ?", UUID.class,
                hash(spentToken));
        return issue(memberId, family);
    }

    private String issue(UUID memberId, UUID family) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expires = clock.instant().plus(settings.refreshTokenTtl());
        jdbc.update("INSERT INTO refresh_token (token_hash, family_id, member_id, expires_at) VALUES (?, ?, ?, ?)",
                hash(token), family, memberId, Timestamp.from(expires));
        return token;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(UUID memberId, UUID familyId, Instant expiresAt, boolean used, boolean revoked) {
    }
}
