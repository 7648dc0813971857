package io.ledgerline.domain.qbo;

import io.ledgerline.domain.client.PostalAddress;
import java.time.Instant;
import java.util.Currency;

/**
 * A QuickBooks customer as far as Ledgerline keeps it: the fields a client has, plus what tells versions apart.
 *
 * @param lastUpdatedTime QuickBooks' {@code MetaData.LastUpdatedTime}: which of two versions is newer
 * @param active          {@code false} once it was made inactive in QuickBooks (customers are never deleted there)
 * @param billAddr        {@code BillAddr}; its {@code CountrySubDivisionCode} is the address' region
 * @param currency        {@code CurrencyRef}, when the company uses several currencies
 */
public record QboCustomer(String id, String syncToken, Instant lastUpdatedTime, boolean active, String displayName,
                          String companyName, String givenName, String familyName, String email, String phone,
                          String website, PostalAddress billAddr, Currency currency) {

    /** The person to address invoices to, as a client's billing contact name. */
    public String contactName() {
        String joined = ((givenName == null ? "" : givenName.trim()) + " "
                + (familyName == null ? "" : familyName.trim())).trim();
        return joined.isEmpty() ? null : joined;
    }
}
