package io.ledgerline.projections.client;

import io.ledgerline.domain.client.BillingSettings;
import io.ledgerline.domain.client.ClientActivated;
import io.ledgerline.domain.client.ClientBillingChanged;
import io.ledgerline.domain.client.ClientCreated;
import io.ledgerline.domain.client.ClientDeactivated;
import io.ledgerline.domain.client.ClientDeleted;
import io.ledgerline.domain.client.ClientGeneralSettingsChanged;
import io.ledgerline.domain.client.ClientNoteAdded;
import io.ledgerline.domain.client.ClientNoteDeleted;
import io.ledgerline.domain.client.ClientNoteEdited;
import io.ledgerline.domain.client.ContactDetails;
import io.ledgerline.domain.client.PostalAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The client read models: the client itself, its billing history and its notes. Every write is guarded by the
 * client's version, so a redelivered event changes nothing, and every client event moves the client's version
 * (notes included), so the ETag a client reads is the one its next write must send.
 */
@Component
@ProcessingGroup(ClientProjection.GROUP)
public class ClientProjection {

    public static final String GROUP = "clients";

    private static final PostalAddress NO_ADDRESS = new PostalAddress(null, null, null, null, null, null);

    private final JdbcTemplate jdbc;

    public ClientProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClientCreated event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        ContactDetails contact = event.contact() == null ? ContactDetails.NONE : event.contact();
        PostalAddress address = orNone(contact.address());
        BillingSettings billing = event.billing();
        PostalAddress billTo = orNone(billing.address());
        List<String> tags = event.tags() == null ? List.of() : event.tags();
        jdbc.update("""
                        INSERT INTO client_view (client_id, org_id, name, name_key, code, email, phone, website,
                            address_line1, address_line2, address_city, address_region, address_postal_code,
                            address_country, tags, tag_keys, status,
                            billing_contact_name, billing_email, billing_line1, billing_line2, billing_city,
                            billing_region, billing_postal_code, billing_country, billing_currency,
                            billing_payment_terms, billing_tax_rate, billing_tax_id, created_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE',
                            ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (client_id) DO NOTHING""",
                event.clientId(), event.orgId(), event.name(), nameKey(event.name()), event.code(), contact.email(),
                contact.phone(), contact.website(), address.line1(), address.line2(), address.city(),
                address.region(), address.postalCode(), address.country(), tags.toArray(String[]::new),
                tagKeys(tags), billing.contactName(), billing.email(), billTo.line1(), billTo.line2(), billTo.city(),
                billTo.region(), billTo.postalCode(), billTo.country(), billing.currency().getCurrencyCode(),
                billing.paymentTermsDays(), billing.taxRate(), billing.taxId(), Timestamp.from(at), version);
        recordBilling(event.orgId(), event.clientId(), billing, at, version);
    }

    @EventHandler
    void on(ClientGeneralSettingsChanged event, @SequenceNumber long version) {
        ContactDetails contact = event.contact() == null ? ContactDetails.NONE : event.contact();
        PostalAddress address = orNone(contact.address());
        List<String> tags = event.tags() == null ? List.of() : event.tags();
        jdbc.update("""
                        UPDATE client_view SET name = ?, name_key = ?, email = ?, phone = ?, website = ?,
                            address_line1 = ?, address_line2 = ?, address_city = ?, address_region = ?,
                            address_postal_code = ?, address_country = ?, tags = ?, tag_keys = ?, version = ?
                        WHERE client_id = ? AND version < ?""",
                event.name(), nameKey(event.name()), contact.email(), contact.phone(), contact.website(),
                address.line1(), address.line2(), address.city(), address.region(), address.postalCode(),
                address.country(), tags.toArray(String[]::new), tagKeys(tags), version, event.clientId(), version);
    }

    @EventHandler
    void on(ClientBillingChanged event, @SequenceNumber long version) {
        BillingSettings billing = event.billing();
        PostalAddress billTo = orNone(billing.address());
        jdbc.update("""
                        UPDATE client_view SET billing_contact_name = ?, billing_email = ?, billing_line1 = ?,
                            billing_line2 = ?, billing_city = ?, billing_region = ?, billing_postal_code = ?,
                            billing_country = ?, billing_currency = ?, billing_payment_terms = ?,
                            billing_tax_rate = ?, billing_tax_id = ?, version = ?
                        WHERE client_id = ? AND version < ?""",
                billing.contactName(), billing.email(), billTo.line1(), billTo.line2(), billTo.city(),
                billTo.region(), billTo.postalCode(), billTo.country(), billing.currency().getCurrencyCode(),
                billing.paymentTermsDays(), billing.taxRate(), billing.taxId(), version, event.clientId(), version);
        recordBilling(event.orgId(), event.clientId(), billing, event.effectiveFrom(), version);
    }

    @EventHandler
    void on(ClientDeactivated event, @SequenceNumber long version) {
        jdbc.update("UPDATE client_view SET status = 'INACTIVE', version = ? WHERE client_id = ? AND version < ?",
                version, event.clientId(), version);
    }

    @EventHandler
    void on(ClientActivated event, @SequenceNumber long version) {
        jdbc.update("UPDATE client_view SET status = 'ACTIVE', version = ? WHERE client_id = ? AND version < ?",
                version, event.clientId(), version);
    }

    @EventHandler
    void on(ClientNoteAdded event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO client_note_view (note_id, client_id, org_id, type, body, author_id, created_at,
                            updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (note_id) DO NOTHING""",
                event.noteId(), event.clientId(), event.orgId(), event.type().name(), event.body(), event.authorId(),
                Timestamp.from(at), Timestamp.from(at), version);
        touch(event.clientId(), version);
    }

    @EventHandler
    void on(ClientNoteEdited event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE client_note_view SET type = ?, body = ?, updated_at = ?, version = ?
                        WHERE note_id = ? AND version < ?""",
                event.type().name(), event.body(), Timestamp.from(at), version, event.noteId(), version);
        touch(event.clientId(), version);
    }

    /** A deleted note leaves the read model; what it said stays in the event store for the audit trail. */
    @EventHandler
    void on(ClientNoteDeleted event, @SequenceNumber long version) {
        jdbc.update("DELETE FROM client_note_view WHERE note_id = ?", event.noteId());
        touch(event.clientId(), version);
    }

    @EventHandler
    void on(ClientDeleted event) {
        jdbc.update("DELETE FROM client_note_view WHERE client_id = ?", event.clientId());
        jdbc.update("DELETE FROM client_billing_history WHERE client_id = ?", event.clientId());
        jdbc.update("DELETE FROM client_view WHERE client_id = ?", event.clientId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM client_note_view");
        jdbc.update("DELETE FROM client_billing_history");
        jdbc.update("DELETE FROM client_view");
    }

    private void touch(UUID clientId, long version) {
        jdbc.update("UPDATE client_view SET version = ? WHERE client_id = ? AND version < ?", version, clientId,
                version);
    }

    private void recordBilling(UUID orgId, UUID clientId, BillingSettings billing, Instant effectiveFrom,
                               long version) {
        PostalAddress billTo = orNone(billing.address());
        jdbc.update("""
                        INSERT INTO client_billing_history (client_id, version, org_id, effective_from, contact_name,
                            email, line1, line2, city, region, postal_code, country, currency, payment_terms,
                            tax_rate, tax_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (client_id, version) DO NOTHING""",
                clientId, version, orgId, Timestamp.from(effectiveFrom), billing.contactName(), billing.email(),
                billTo.line1(), billTo.line2(), billTo.city(), billTo.region(), billTo.postalCode(), billTo.country(),
                billing.currency().getCurrencyCode(), billing.paymentTermsDays(), billing.taxRate(), billing.taxId());
    }

    private static PostalAddress orNone(PostalAddress address) {
        return address == null ? NO_ADDRESS : address;
    }

    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String[] tagKeys(List<String> tags) {
        List<String> keys = new ArrayList<>(tags.size());
        tags.forEach(tag -> keys.add(tag.toLowerCase(Locale.ROOT)));
        return keys.toArray(String[]::new);
    }
}
