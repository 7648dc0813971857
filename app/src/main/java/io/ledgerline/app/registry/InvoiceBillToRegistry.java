package io.ledgerline.app.registry;

import io.ledgerline.domain.client.BillingSettings;
import io.ledgerline.domain.client.ClientBillingChanged;
import io.ledgerline.domain.client.ClientCreated;
import io.ledgerline.domain.client.ClientDeleted;
import io.ledgerline.domain.client.ClientGeneralSettingsChanged;
import io.ledgerline.domain.client.PostalAddress;
import io.ledgerline.domain.invoice.BillTo;
import io.ledgerline.domain.invoice.BillToSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each client's name and billing settings as they stand now, on the command side: a draft created right after a
 * billing change snapshots the new settings, never the ones a lagging read model still shows.
 */
@Component
@ProcessingGroup(RegistryGroup.NAME)
public class InvoiceBillToRegistry implements BillToSource {

    private static final PostalAddress NO_ADDRESS = new PostalAddress(null, null, null, null, null, null);

    private final JdbcTemplate jdbc;

    InvoiceBillToRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClientCreated event) {
        jdbc.update("INSERT INTO client_bill_to_registry (client_id, org_id, name, currency) VALUES (?, ?, ?, ?)",
                event.clientId(), event.orgId(), event.name(), event.billing().currency().getCurrencyCode());
        storeBilling(event.clientId(), event.billing());
    }

    @EventHandler
    void on(ClientGeneralSettingsChanged event) {
        jdbc.update("UPDATE client_bill_to_registry SET name = ? WHERE client_id = ?", event.name(), event.clientId());
    }

    @EventHandler
    void on(ClientBillingChanged event) {
        storeBilling(event.clientId(), event.billing());
    }

    @EventHandler
    void on(ClientDeleted event) {
        jdbc.update("DELETE FROM client_bill_to_registry WHERE client_id = ?", event.clientId());
    }

    @Override
    public Optional<BillTo> billToOf(UUID orgId, UUID clientId) {
        return jdbc.query("SELECT * FROM client_bill_to_registry WHERE org_id = ? AND client_id = ?",
                (rs, i) -> billTo(rs), orgId, clientId).stream().findFirst();
    }

    private void storeBilling(UUID clientId, BillingSettings billing) {
        PostalAddress address = billing.address() == null ? NO_ADDRESS : billing.address();
        jdbc.update("""
                        UPDATE client_bill_to_registry SET contact_name = ?, email = ?, line1 = ?, line2 = ?, city = ?,
                            region = ?, postal_code = ?, country = ?, tax_id = ?, currency = ?,
                            payment_terms_days = ?, tax_rate = ?
                        WHERE client_id = ?""",
                billing.contactName(), billing.email(), address.line1(), address.line2(), address.city(),
                address.region(), address.postalCode(), address.country(), billing.taxId(),
                billing.currency().getCurrencyCode(), billing.paymentTermsDays(), billing.taxRate(), clientId);
    }

    private static BillTo billTo(ResultSet rs) throws SQLException {
        PostalAddress address = new PostalAddress(rs.getString("line1"), rs.getString("line2"), rs.getString("city"),
                rs.getString("region"), rs.getString("postal_code"), rs.getString("country"));
        return new BillTo(rs.getString("name"), rs.getString("contact_name"), rs.getString("email"),
                address.equals(NO_ADDRESS) ? null : address, rs.getString("tax_id"),
                Currency.getInstance(rs.getString("currency")), (Integer) rs.getObject("payment_terms_days"),
                rs.getBigDecimal("tax_rate"));
    }
}
