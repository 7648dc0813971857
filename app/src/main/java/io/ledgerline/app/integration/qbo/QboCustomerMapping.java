package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.client.PostalAddress;
import io.ledgerline.domain.qbo.QboClientProfile;
import io.ledgerline.domain.qbo.QboCustomer;
import io.ledgerline.domain.qbo.QboCustomerFields;
import io.ledgerline.domain.shared.Names;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** QuickBooks Customer JSON, read into a {@link QboCustomer} and written from a client. */
final class QboCustomerMapping {

    private QboCustomerMapping() {
    }

    static QboCustomer customer(JsonNode node) {
        PostalAddress address = null;
        JsonNode bill = node.path("BillAddr");
        if (bill.isObject()) {
            address = new PostalAddress(text(bill, "Line1"), text(bill, "Line2"), text(bill, "City"),
                    text(bill, "CountrySubDivisionCode"), text(bill, "PostalCode"), text(bill, "Country"));
            if (address.equals(new PostalAddress(null, null, null, null, null, null))) {
                address = null;
            }
        }
        return new QboCustomer(text(node, "Id"), text(node, "SyncToken"), lastUpdated(node),
                active(node), text(node, "DisplayName"), text(node, "CompanyName"),
                text(node, "GivenName"), text(node, "FamilyName"), text(node.path("PrimaryEmailAddr"), "Address"),
                text(node.path("PrimaryPhone"), "FreeFormNumber"), text(node.path("WebAddr"), "URI"), address,
                currency(text(node.path("CurrencyRef"), "value")));
    }

    static Instant lastUpdated(JsonNode node) {
        String value = text(node.path("MetaData"), "LastUpdatedTime");
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Customers are never deleted in QuickBooks; change data capture may still report one so: read as inactive. */
    static boolean active(JsonNode node) {
        return node.path("Active").asBoolean(true) && !"Deleted".equalsIgnoreCase(text(node, "status"));
    }

    /** A new customer with the client's shared fields under {@code displayName}. */
    static ObjectNode newCustomer(QboClientProfile client, String displayName) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("DisplayName", displayName);
        body.put("CompanyName", QboCustomerFields.displayName(client.name()));
        String[] person = person(client.billing().contactName());
        if (person != null) {
            body.put("GivenName", person[0]);
            if (person[1] != null) {
                body.put("FamilyName", person[1]);
            }
        }
        putIfPresent(body, "PrimaryEmailAddr", "Address", client.contact().email());
        putIfPresent(body, "PrimaryPhone", "FreeFormNumber", client.contact().phone());
        putIfPresent(body, "WebAddr", "URI", client.contact().website());
        PostalAddress address = client.billing().address();
        if (address != null) {
            body.set("BillAddr", address(address));
        }
        return body;
    }

    /**
     * A sparse update of {@code current} to the client's shared fields. A field the client no longer has is cleared
     * where QuickBooks still has it; the DisplayName is left alone while it is the client's name (also a
     * disambiguated one such as "Acme (2)").
     */
    static ObjectNode sparseUpdate(QboClientProfile client, JsonNode current) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Id", text(current, "Id"));
        body.put("SyncToken", text(current, "SyncToken"));
        body.put("sparse", true);
        if (!QboCustomerFields.sameName(client.name(), text(current, "DisplayName"))) {
            body.put("DisplayName", QboCustomerFields.displayName(client.name()));
            body.put("CompanyName", QboCustomerFields.displayName(client.name()));
        }
        String[] person = person(client.billing().contactName());
        body.put("GivenName", person == null ? "" : person[0]);
        body.put("FamilyName", person == null || person[1] == null ? "" : person[1]);
        body.putObject("PrimaryEmailAddr").put("Address", orEmpty(client.contact().email()));
        body.putObject("PrimaryPhone").put("FreeFormNumber", orEmpty(client.contact().phone()));
        body.putObject("WebAddr").put("URI", orEmpty(client.contact().website()));
        PostalAddress address = client.billing().address();
        body.set("BillAddr", address(address == null ? new PostalAddress(null, null, null, null, null, null) : address));
        return body;
    }

    private static ObjectNode address(PostalAddress address) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Line1", orEmpty(address.line1()));
        node.put("Line2", orEmpty(address.line2()));
        node.put("City", orEmpty(address.city()));
        node.put("CountrySubDivisionCode", orEmpty(address.region()));
        node.put("PostalCode", orEmpty(address.postalCode()));
        node.put("Country", orEmpty(address.country()));
        return node;
    }

    /** "Ann Marie Smith" → GivenName "Ann", FamilyName "Marie Smith"; joined back, it reads the same. */
    private static String[] person(String contactName) {
        String tidy = Names.tidy(contactName);
        if (tidy == null) {
            return null;
        }
        String[] parts = tidy.split("\\s+", 2);
        return new String[] {parts[0], parts.length > 1 ? parts[1] : null};
    }

    private static void putIfPresent(ObjectNode body, String field, String inner, String value) {
        if (Names.tidy(value) != null) {
            body.putObject(field).put(inner, value.trim());
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Currency currency(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** E-mail addresses compare trimmed and case-insensitively; an empty one is none. */
    static String email(String address) {
        return address == null || address.isBlank() ? null : address.trim().toLowerCase(java.util.Locale.ROOT);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return Names.tidy(value.asString());
    }
}
