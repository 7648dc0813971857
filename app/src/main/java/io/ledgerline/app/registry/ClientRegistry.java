package io.ledgerline.app.registry;

import io.ledgerline.domain.client.BillingDefaultsSource;
import io.ledgerline.domain.client.ClientActivated;
import io.ledgerline.domain.client.ClientCreated;
import io.ledgerline.domain.client.ClientDeactivated;
import io.ledgerline.domain.client.ClientDeleted;
import io.ledgerline.domain.client.ClientDirectory;
import io.ledgerline.domain.client.ClientGeneralSettingsChanged;
import io.ledgerline.domain.client.ClientObligations;
import io.ledgerline.domain.client.ClientStanding;
import io.ledgerline.domain.organization.BillingDefaults;
import io.ledgerline.domain.organization.BillingDefaultsChanged;
import io.ledgerline.domain.organization.OrganizationRegistered;
import io.ledgerline.domain.project.ProjectCreated;
import io.ledgerline.domain.project.ProjectStatus;
import io.ledgerline.domain.project.ProjectStatusChanged;
import io.ledgerline.domain.shared.Names;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's knowledge of clients and projects: unique client names and codes, whether a client is
 * active, how many active projects (and, from the invoice registry, drafts and unpaid invoices) it has, and the
 * organization's billing defaults. The unique indexes are the last word when two commands race past the checks:
 * the second transaction fails and nothing of it is stored.
 */
@Component
@ProcessingGroup(RegistryGroup.NAME)
public class ClientRegistry implements ClientDirectory, ClientObligations, BillingDefaultsSource {

    private final JdbcTemplate jdbc;
    private final InvoiceRegistry invoices;

    ClientRegistry(JdbcTemplate jdbc, InvoiceRegistry invoices) {
        this.jdbc = jdbc;
        this.invoices = invoices;
    }

    @EventHandler
    void on(OrganizationRegistered event) {
        store(event.orgId(), event.billingDefaults());
    }

    @EventHandler
    void on(BillingDefaultsChanged event) {
        store(event.orgId(), event.billingDefaults());
    }

    @EventHandler
    void on(ClientCreated event) {
        jdbc.update("""
                        INSERT INTO client_registry (client_id, org_id, name_key, code_key, standing)
                        VALUES (?, ?, ?, ?, ?)""",
                event.clientId(), event.orgId(), Names.normalize(event.name()), codeKey(event.code()),
                ClientStanding.ACTIVE.name());
    }

    @EventHandler
    void on(ClientGeneralSettingsChanged event) {
        jdbc.update("UPDATE client_registry SET name_key = ? WHERE client_id = ?", Names.normalize(event.name()),
                event.clientId());
    }

    @EventHandler
    void on(ClientDeactivated event) {
        jdbc.update("UPDATE client_registry SET standing = ? WHERE client_id = ?", ClientStanding.INACTIVE.name(),
                event.clientId());
    }

    @EventHandler
    void on(ClientActivated event) {
        jdbc.update("UPDATE client_registry SET standing = ? WHERE client_id = ?", ClientStanding.ACTIVE.name(),
                event.clientId());
    }

    /** A deleted client's name and code become free again; its projects no longer count anywhere. */
    @EventHandler
    void on(ClientDeleted event) {
        jdbc.update("DELETE FROM project_registry WHERE org_id = ? AND client_id = ?", event.orgId(), event.clientId());
        jdbc.update("DELETE FROM client_registry WHERE client_id = ?", event.clientId());
    }

    @EventHandler
    void on(ProjectCreated event) {
        jdbc.update("INSERT INTO project_registry (project_id, org_id, client_id, status) VALUES (?, ?, ?, ?)",
                event.projectId(), event.orgId(), event.clientId(), ProjectStatus.ACTIVE.name());
    }

    @EventHandler
    void on(ProjectStatusChanged event) {
        jdbc.update("UPDATE project_registry SET status = ? WHERE project_id = ?", event.status().name(),
                event.projectId());
    }

    @Override
    public boolean nameTaken(UUID orgId, String name, UUID exceptClientId) {
        return exists("SELECT EXISTS (SELECT 1 FROM client_registry WHERE org_id = ? AND name_key = ? "
                + "AND client_id <> ?)", orgId, Names.normalize(name), exceptClientId == null ? new UUID(0, 0) : exceptClientId);
    }

    @Override
    public boolean codeTaken(UUID orgId, String code) {
        return exists("SELECT EXISTS (SELECT 1 FROM client_registry WHERE org_id = ? AND code_key = ?)", orgId,
                codeKey(code));
    }

    @Override
    public Optional<ClientStanding> standing(UUID orgId, UUID clientId) {
        List<String> standing = jdbc.queryForList(
                "SELECT standing FROM client_registry WHERE org_id = ? AND client_id = ?", String.class, orgId, clientId);
        return standing.stream().findFirst().map(ClientStanding::valueOf);
    }

    @Override
    public long activeProjects(UUID orgId, UUID clientId) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM project_registry WHERE org_id = ? AND client_id = ? AND status = ?", Long.class,
                orgId, clientId, ProjectStatus.ACTIVE.name());
        return count == null ? 0 : count;
    }

    @Override
    public long unpaidInvoices(UUID orgId, UUID clientId) {
        return invoices.unpaidInvoices(orgId, clientId);
    }

    @Override
    public long invoiceDrafts(UUID orgId, UUID clientId) {
        return invoices.invoiceDrafts(orgId, clientId);
    }

    @Override
    public BillingDefaults defaultsFor(UUID orgId) {
        return jdbc.query("SELECT payment_terms_days, currency, tax_rate FROM org_billing_defaults WHERE org_id = ?",
                        (rs, i) -> new BillingDefaults((Integer) rs.getObject("payment_terms_days"),
                                Currency.getInstance(rs.getString("currency")), rs.getBigDecimal("tax_rate")),
                        orgId)
                .stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No billing defaults for organization " + orgId));
    }

    private void store(UUID orgId, BillingDefaults defaults) {
        jdbc.update("""
                        INSERT INTO org_billing_defaults (org_id, payment_terms_days, currency, tax_rate)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (org_id) DO UPDATE SET payment_terms_days = EXCLUDED.payment_terms_days,
                            currency = EXCLUDED.currency, tax_rate = EXCLUDED.tax_rate""",
                orgId, defaults.paymentTermsDays(), defaults.currency().getCurrencyCode(),
                defaults.taxRate() == null ? BigDecimal.ZERO : defaults.taxRate());
    }

    private boolean exists(String sql, Object... arguments) {
        return Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, arguments));
    }

    private static String codeKey(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
