package io.ledgerline.app.integration.qbo;

import java.time.Instant;

/**
 * What Intuit's token endpoint answered. Secrets: never logged, never in an event, stored only encrypted.
 *
 * @param refreshHardExpiresAt the 5-year cap Intuit announced in 2025, when the answer carries it
 */
public record QboTokens(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt,
                        Instant refreshHardExpiresAt) {

    @Override
    public String toString() {
        return "QboTokens[access expires " + accessExpiresAt + ", refresh expires " + refreshExpiresAt + "]";
    }
}
