package io.ledgerline.app.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The secret half of an account: the password hash and the encrypted TOTP secret, which never enter an event.
 * Blocking (JDBC): call inside a transaction off the event loop.
 */
@Component
class Credentials {

    private final JdbcTemplate jdbc;

    Credentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void setPasswordHash(UUID memberId, String hash) {
        jdbc.update("UPDATE account SET password_hash = ? WHERE member_id = ?", hash, memberId);
    }

    Optional<StoredAccount> byEmail(String email) {
        return first(jdbc.query("""
                SELECT member_id, org_id, email, active, mfa_enrolled, password_hash, totp_secret, last_totp_step
                FROM account WHERE lower(email) = lower(?)""", (rs, i) -> map(rs), email.trim()));
    }

    Optional<StoredAccount> byId(UUID memberId) {
        return first(jdbc.query("""
                SELECT member_id, org_id, email, active, mfa_enrolled, password_hash, totp_secret, last_totp_step
                FROM account WHERE member_id = ? FOR UPDATE""", (rs, i) -> map(rs), memberId));
    }

    void storeTotpSecret(UUID memberId, byte[] sealedSecret) {
        jdbc.update("UPDATE account SET totp_secret = ?, last_totp_step = NULL WHERE member_id = ?", sealedSecret,
                memberId);
    }

    void acceptTotpStep(UUID memberId, long step) {
        jdbc.update("UPDATE account SET last_totp_step = ? WHERE member_id = ?", step, memberId);
    }

    private static StoredAccount map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long lastStep = rs.getLong("last_totp_step");
        return new StoredAccount(rs.getObject("member_id", UUID.class), rs.getObject("org_id", UUID.class),
                rs.getString("email"), rs.getBoolean("active"), rs.getBoolean("mfa_enrolled"),
                rs.getString("password_hash"), rs.getBytes("totp_secret"), rs.wasNull() ? null : lastStep);
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    record StoredAccount(UUID memberId, UUID orgId, String email, boolean active, boolean mfaEnrolled,
                         String passwordHash, byte[] sealedTotpSecret, Long lastTotpStep) {
    }
}
