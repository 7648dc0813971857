package io.ledgerline.app.config;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

    @Bean
    SecretsKey secretsKey(LedgerlineProperties properties) {
        return SecretsKey.resolve(properties);
    }

    @Bean
    SecretBox secretBox(SecretsKey key) {
        return new SecretBox(key);
    }

    /** The HMAC key that signs access tokens, derived from the master key so one secret is enough to configure. */
    @Bean
    SecretKey tokenSigningKey(SecretsKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            byte[] derived = mac.doFinal("ledgerline access-token signing key v1".getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(derived, "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
