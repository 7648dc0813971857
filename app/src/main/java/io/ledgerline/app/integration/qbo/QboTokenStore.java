package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.config.SecretBox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each organization's QuickBooks tokens (table {@code qbo_token}), encrypted at rest with the associated data
 * {@code qbo_token:<org>:access|refresh}. Every write commits in a transaction of its own: the caller may be inside
 * a command transaction that can still roll back, and a refresh token Intuit has rotated must be kept even then —
 * the old one is dead at Intuit.
 */
@Component
public class QboTokenStore {

    /** One organization's connection as stored, decrypted; {@code version} moves on every write. */
    record Stored(UUID orgId, String realmId, QboTokens tokens, long version, Instant expiredAt) {

        boolean expired() {
            return expiredAt != null;
        }
    }

    private static final String COLUMNS = "org_id, realm_id, access_token, access_expires_at, refresh_token, "
            + "refresh_expires_at, refresh_hard_expires_at, version, expired_at";

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public QboTokenStore(JdbcTemplate jdbc, SecretBox secrets, JdbcTransactionManager transactionManager,
                         Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Keeps the tokens of a new connection (or a reconnect), replacing any earlier ones and their expiry. */
    public void store(UUID orgId, String realmId, QboTokens tokens) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO qbo_token (org_id, realm_id, access_token, access_expires_at, refresh_token,
                                       refresh_expires_at, refresh_hard_expires_at, version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
                ON CONFLICT (org_id) DO UPDATE SET
                    realm_id = EXCLUDED.realm_id, access_token = EXCLUDED.access_token,
                    access_expires_at = EXCLUDED.access_expires_at, refresh_token = EXCLUDED.refresh_token,
                    refresh_expires_at = EXCLUDED.refresh_expires_at,
                    refresh_hard_expires_at = EXCLUDED.refresh_hard_expires_at,
                    version = qbo_token.version + 1, updated_at = EXCLUDED.updated_at,
                    expired_at = NULL, expired_reason = NULL
                """, orgId, realmId, seal(orgId, "access", tokens.accessToken()), timestamp(tokens.accessExpiresAt()),
                seal(orgId, "refresh", tokens.refreshToken()), timestamp(tokens.refreshExpiresAt()),
                timestamp(tokens.refreshHardExpiresAt()), timestamp(clock.instant())));
    }

    /** The QuickBooks company the organization is connected to (also while its authorization is expired). */
    public Optional<String> realmOf(UUID orgId) {
        return find(orgId).map(Stored::realmId);
    }

    /** The refresh token, for revoking it on disconnect. */
    public Optional<String> refreshTokenOf(UUID orgId) {
        return find(orgId).map(stored -> stored.tokens().refreshToken());
    }

    /** When Intuit's 5-year cap ends the refresh token, if Intuit said so: reconnect before then. */
    public Optional<Instant> refreshHardExpiresAt(UUID orgId) {
        return find(orgId).map(stored -> stored.tokens().refreshHardExpiresAt());
    }

    public void delete(UUID orgId) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("DELETE FROM qbo_token WHERE org_id = ?", orgId));
    }

    Optional<Stored> find(UUID orgId) {
        List<Stored> rows = jdbc.query("SELECT " + COLUMNS + " FROM qbo_token WHERE org_id = ?",
                (rs, n) -> row(rs), orgId);
        return rows.stream().findFirst();
    }

    /**
     * Runs {@code work} in a transaction of its own holding the organization's row lock ({@code FOR UPDATE}), so
     * refreshers in other JVMs wait for it; {@code work} sees the row as it is once the lock is held.
     */
    <T> T underRowLock(UUID orgId, Function<Optional<Stored>, T> work) {
        return ownTransaction.execute(status -> work.apply(jdbc.query(
                "SELECT " + COLUMNS + " FROM qbo_token WHERE org_id = ? FOR UPDATE", (rs, n) -> row(rs), orgId)
                .stream().findFirst()));
    }

    /** Inside {@link #underRowLock}: the tokens a refresh returned replace the current ones. */
    Stored replace(Stored current, QboTokens refreshed) {
        Instant hardExpiry = refreshed.refreshHardExpiresAt() != null ? refreshed.refreshHardExpiresAt()
                : current.tokens().refreshHardExpiresAt();
        QboTokens kept = new QboTokens(refreshed.accessToken(), refreshed.accessExpiresAt(),
                refreshed.refreshToken(), refreshed.refreshExpiresAt(), hardExpiry);
        UUID orgId = current.orgId();
        jdbc.update("""
                UPDATE qbo_token SET access_token = ?, access_expires_at = ?, refresh_token = ?,
                       refresh_expires_at = ?, refresh_hard_expires_at = ?, version = version + 1, updated_at = ?
                WHERE org_id = ?
                """, seal(orgId, "access", kept.accessToken()), timestamp(kept.accessExpiresAt()),
                seal(orgId, "refresh", kept.refreshToken()), timestamp(kept.refreshExpiresAt()),
                timestamp(hardExpiry), timestamp(clock.instant()), orgId);
        return new Stored(orgId, current.realmId(), kept, current.version() + 1, null);
    }

    /** Intuit refused the tokens for good: calls stop without reaching Intuit until a reconnect stores new ones. */
    void markExpired(UUID orgId, long version, String reason) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                UPDATE qbo_token SET expired_at = ?, expired_reason = ?, updated_at = ?
                WHERE org_id = ? AND version = ? AND expired_at IS NULL
                """, timestamp(clock.instant()), reason, timestamp(clock.instant()), orgId, version));
    }

    private Stored row(ResultSet rs) throws SQLException {
        UUID orgId = rs.getObject("org_id", UUID.class);
        QboTokens tokens = new QboTokens(open(orgId, "access", rs.getBytes("access_token")),
                instant(rs, "access_expires_at"), open(orgId, "refresh", rs.getBytes("refresh_token")),
                instant(rs, "refresh_expires_at"), instant(rs, "refresh_hard_expires_at"));
        return new Stored(orgId, rs.getString("realm_id"), tokens, rs.getLong("version"), instant(rs, "expired_at"));
    }

    private byte[] seal(UUID orgId, String which, String token) {
        return secrets.seal(token, associatedData(orgId, which));
    }

    private String open(UUID orgId, String which, byte[] ciphertext) {
        return secrets.open(ciphertext, associatedData(orgId, which));
    }

    private static String associatedData(UUID orgId, String which) {
        return "qbo_token:" + orgId + ":" + which;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
