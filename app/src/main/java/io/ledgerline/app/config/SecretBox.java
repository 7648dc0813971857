package io.ledgerline.app.config;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts secrets at rest (TOTP secrets, OAuth tokens) with Tink's AES-256-GCM. The associated data binds each
 * ciphertext to the row it belongs to, so a ciphertext copied onto another row does not decrypt.
 */
public final class SecretBox {

    private final Aead aead;

    SecretBox(SecretsKey key) {
        try {
            AeadConfig.register();
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(32)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.TINK)
                    .build();
            AesGcmKey aesKey = AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key.bytes(), InsecureSecretKeyAccess.get()))
                    .setIdRequirement(1)
                    .build();
            KeysetHandle keyset = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(aesKey).withFixedId(1).makePrimary())
                    .build();
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not initialise secret encryption", e);
        }
    }

    public byte[] seal(String plaintext, String associatedData) {
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String open(byte[] ciphertext, String associatedData) {
        try {
            return new String(aead.decrypt(ciphertext, associatedData.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret could not be decrypted (wrong key or tampered row)", e);
        }
    }
}
