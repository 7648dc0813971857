package io.ledgerline.app.integration.qbo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code state} of a connect: unguessable, bound to the organization and the admin who started it, valid for
 * {@link QboProperties#stateTtl()} and usable once. Only its SHA-256 is stored (table {@code qbo_oauth_state}).
 */
@Component
public class QboOAuthStates {

    private static final int STATE_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final QboProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    QboOAuthStates(JdbcTemplate jdbc, QboProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** A state handed out with a connect link. */
    public record Issued(String state, Instant expiresAt) {
    }

    /** Who started the connect a state belongs to. */
    public record Owner(UUID orgId, UUID memberId) {
    }

    public Issued issue(UUID orgId, UUID memberId) {
        byte[] bytes = new byte[STATE_BYTES];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.stateTtl());
        // Expired states are of no use to anyone: each connect clears them, so the table stays small.
        jdbc.update("DELETE FROM qbo_oauth_state WHERE expires_at < ?", Timestamp.from(now.minus(properties.stateTtl())));
        jdbc.update("INSERT INTO qbo_oauth_state (state_hash, org_id, member_id, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", hash(state), orgId, memberId, Timestamp.from(now), Timestamp.from(expiresAt));
        return new Issued(state, expiresAt);
    }

    /**
     * Uses the state up: checking and consuming is one statement, so two callbacks racing with the same state get
     * one owner between them. Empty for an unknown, expired or used state.
     */
    public Optional<Owner> consume(String state) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.query("UPDATE qbo_oauth_state SET used_at = ? WHERE state_hash = ? AND used_at IS NULL "
                        + "AND expires_at > ? RETURNING org_id, member_id",
                (rs, i) -> new Owner(rs.getObject("org_id", UUID.class), rs.getObject("member_id", UUID.class)),
                now, hash(state), now).stream().findFirst();
    }

    private static byte[] hash(String state) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
