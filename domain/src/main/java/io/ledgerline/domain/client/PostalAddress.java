package io.ledgerline.domain.client;

public record PostalAddress(String line1, String line2, String city, String region, String postalCode,
                            String country) {
}
