package io.ledgerline.domain.qbo;

import io.ledgerline.domain.client.PostalAddress;
import io.ledgerline.domain.shared.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fields a client and its QuickBooks customer share, both ways: name ↔ DisplayName, e-mail, phone, website,
 * billing contact ↔ GivenName/FamilyName, billing address ↔ BillAddr. Everything else is each side's own.
 */
public final class QboCustomerFields {

    /** "Acme (2)": the name a push gave a customer because QuickBooks had the plain one for someone else. */
    private static final Pattern DISAMBIGUATED = Pattern.compile(" \\(\\d{1,3}\\)$");

    private QboCustomerFields() {
    }

    /**
     * A client's name as QuickBooks accepts it for a DisplayName: no colon (it separates sub-customers there), and
     * typographic quotes and dashes as their plain forms, which its query language can read.
     */
    public static String displayName(String clientName) {
        return clientName.replace(':', '-')
                .replace('\u2019', '\'').replace('\u2018', '\'')
                .replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u2014', '-')
                .trim();
    }

    /** Whether a DisplayName is the client's name, as sent (also when it was disambiguated with a number). */
    public static boolean sameName(String clientName, String displayName) {
        if (displayName == null) {
            return false;
        }
        String ours = Names.normalize(displayName(clientName));
        String theirs = Names.normalize(displayName);
        return ours.equals(theirs) || ours.equals(DISAMBIGUATED.matcher(theirs).replaceFirst(""));
    }

    /** Each shared field the two hold differently, as "field: Ledgerline value / QuickBooks value". */
    public static List<String> differences(QboClientProfile client, QboCustomer customer) {
        List<String> differences = new ArrayList<>();
        if (!sameName(client.name(), customer.displayName())) {
            differences.add(difference("name", client.name(), customer.displayName()));
        }
        compare(differences, "e-mail", client.contact().email(), customer.email());
        compare(differences, "phone", client.contact().phone(), customer.phone());
        compare(differences, "website", client.contact().website(), customer.website());
        compare(differences, "billing contact", client.billing().contactName(), customer.contactName());
        compare(differences, "billing address", text(client.billing().address()), text(customer.billAddr()));
        return differences;
    }

    private static void compare(List<String> differences, String field, String ours, String theirs) {
        if (!Objects.equals(key(ours), key(theirs))) {
            differences.add(difference(field, ours, theirs));
        }
    }

    private static String difference(String field, String ours, String theirs) {
        return field + ": " + quoted(ours) + " / " + quoted(theirs);
    }

    private static String quoted(String value) {
        return value == null || value.isBlank() ? "(empty)" : "\u201C" + value + "\u201D";
    }

    private static String key(String value) {
        String tidy = Names.tidy(value);
        return tidy == null ? null : Names.normalize(tidy).toLowerCase(Locale.ROOT);
    }

    private static String text(PostalAddress address) {
        if (address == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {address.line1(), address.line2(), address.city(), address.region(),
                address.postalCode(), address.country()}) {
            if (Names.tidy(part) != null) {
                parts.add(part.trim());
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
