package io.ledgerline.domain.client;

public record ContactDetails(String email, String phone, String website, PostalAddress address) {

    public static final ContactDetails NONE = new ContactDetails(null, null, null, null);
}
