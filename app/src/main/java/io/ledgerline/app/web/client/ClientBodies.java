package io.ledgerline.app.web.client;

import io.ledgerline.app.web.auth.Currencies;
import io.ledgerline.domain.client.BillingSettings;
import io.ledgerline.domain.client.ContactDetails;
import io.ledgerline.domain.client.PostalAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The JSON shapes of client writes, and how they become the domain's value records. */
final class ClientBodies {

    private ClientBodies() {
    }

    record Address(@Size(max = 200) String line1, @Size(max = 200) String line2, @Size(max = 100) String city,
                   @Size(max = 100) String region, @Size(max = 32) String postalCode, @Size(max = 64) String country) {

        PostalAddress toDomain() {
            return new PostalAddress(line1, line2, city, region, postalCode, country);
        }
    }

    /** Absent fields keep their value (or take the organization's defaults on create); "" clears a text. */
    record Billing(@Size(max = 200) String contactName,
                   @Email @Size(max = 320) String email,
                   @Valid Address address,
                   @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
                   @Min(0) @Max(365) Integer paymentTermsDays,
                   @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal taxRate,
                   @Size(max = 64) String taxId) {

        BillingSettings toDomain() {
            return new BillingSettings(contactName, email, address == null ? null : address.toDomain(),
                    Currencies.parse("billing.currency", currency), paymentTermsDays, taxRate, taxId);
        }
    }

    record NewClient(@NotBlank @Size(max = 200) String name,
                     @NotBlank @Size(max = 64) String code,
                     @Email @Size(max = 320) String email,
                     @Size(max = 64) String phone,
                     @Size(max = 500) String website,
                     @Valid Address address,
                     @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
                     @Valid Billing billing) {

        ContactDetails contact() {
            return new ContactDetails(email, phone, website, address == null ? null : address.toDomain());
        }
    }

    /**
     * General settings; every field optional. {@code code} is accepted only to refuse it with a clear reason: a
     * client's code never changes.
     */
    record GeneralChange(@Size(min = 1, max = 200) String name,
                         String code,
                         @Email @Size(max = 320) String email,
                         @Size(max = 64) String phone,
                         @Size(max = 500) String website,
                         @Valid Address address,
                         @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags) {

        ContactDetails contact() {
            if (email == null && phone == null && website == null && address == null) {
                return null;
            }
            return new ContactDetails(email, phone, website, address == null ? null : address.toDomain());
        }
    }
}
