package io.ledgerline.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The 256-bit master key: from {@code LEDGERLINE_SECRETS_KEY} (base64), or, on the embedded default only,
 * generated once and kept in the data directory readable by the owner alone. An external database without a
 * configured key is refused: a key that lived on one machine's disk would strand every encrypted secret.
 */
public final class SecretsKey {

    private static final int KEY_BYTES = 32;

    private final byte[] bytes;

    private SecretsKey(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("LEDGERLINE_SECRETS_KEY must be 32 bytes, base64-encoded");
        }
        this.bytes = bytes;
    }

    public static SecretsKey resolve(LedgerlineProperties properties) {
        String configured = properties.secrets().key();
        if (configured != null && !configured.isBlank()) {
            return new SecretsKey(Base64.getDecoder().decode(configured.trim()));
        }
        if (!properties.db().embedded()) {
            throw new IllegalStateException(
                    "LEDGERLINE_SECRETS_KEY is required with an external database (32 random bytes, base64)");
        }
        return new SecretsKey(loadOrGenerate(properties.data().dir().resolve("secrets.key")));
    }

    private static byte[] loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Path temp = Files.createTempFile(file.getParent(), "secrets", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the secrets key " + file, e);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
