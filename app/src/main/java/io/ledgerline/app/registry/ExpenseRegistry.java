package io.ledgerline.app.registry;

import io.ledgerline.domain.expense.ExpenseCategoryCreated;
import io.ledgerline.domain.expense.ExpenseCategoryDeactivated;
import io.ledgerline.domain.expense.ExpenseCategoryNames;
import io.ledgerline.domain.expense.ExpenseCategoryReactivated;
import io.ledgerline.domain.expense.ExpenseCategoryRenamed;
import io.ledgerline.domain.expense.ExpenseCreated;
import io.ledgerline.domain.expense.ExpenseDeleted;
import io.ledgerline.domain.expense.ExpenseDirectory;
import io.ledgerline.domain.expense.ExpenseSourceType;
import io.ledgerline.domain.expense.MerchantMapped;
import io.ledgerline.domain.expense.MerchantMapping;
import io.ledgerline.domain.expense.MerchantUnmapped;
import io.ledgerline.domain.member.Role;
import io.ledgerline.domain.organization.OrganizationProfileChanged;
import io.ledgerline.domain.organization.OrganizationRegistered;
import io.ledgerline.domain.project.ProjectStatus;
import io.ledgerline.domain.shared.Names;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's knowledge for expenses: the organization's currency, whose each expense is, imported provider
 * ids, category names and standing, and merchant mappings. Members and projects are looked up in the registries
 * that already follow them (accounts, projects). The unique indexes are the last word when two commands race past
 * a check.
 */
@Component
@ProcessingGroup(RegistryGroup.NAME)
public class ExpenseRegistry implements ExpenseDirectory, ExpenseCategoryNames {

    private final JdbcTemplate jdbc;

    ExpenseRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganizationRegistered event) {
        storeCurrency(event.orgId(), event.currency());
    }

    @EventHandler
    void on(OrganizationProfileChanged event) {
        storeCurrency(event.orgId(), event.currency());
    }

    @EventHandler
    void on(ExpenseCreated event) {
        jdbc.update("INSERT INTO expense_registry (expense_id, org_id, member_id) VALUES (?, ?, ?)",
                event.expenseId(), event.orgId(), event.memberId());
        if (event.source().type() == ExpenseSourceType.EXTERNAL) {
            jdbc.update("""
                            INSERT INTO expense_external_id (org_id, provider, external_id, expense_id)
                            VALUES (?, ?, ?, ?)""",
                    event.orgId(), event.source().provider(), event.source().externalId(), event.expenseId());
        }
    }

    @EventHandler
    void on(ExpenseDeleted event) {
        jdbc.update("DELETE FROM expense_registry WHERE expense_id = ?", event.expenseId());
    }

    @EventHandler
    void on(ExpenseCategoryCreated event) {
        jdbc.update("INSERT INTO expense_category_registry (category_id, org_id, name_key, active) VALUES (?, ?, ?, TRUE)",
                event.categoryId(), event.orgId(), Names.normalize(event.name()));
    }

    @EventHandler
    void on(ExpenseCategoryRenamed event) {
        jdbc.update("UPDATE expense_category_registry SET name_key = ? WHERE category_id = ?",
                Names.normalize(event.name()), event.categoryId());
    }

    @EventHandler
    void on(ExpenseCategoryDeactivated event) {
        jdbc.update("UPDATE expense_category_registry SET active = FALSE WHERE category_id = ?", event.categoryId());
    }

    @EventHandler
    void on(ExpenseCategoryReactivated event) {
        jdbc.update("UPDATE expense_category_registry SET active = TRUE WHERE category_id = ?", event.categoryId());
    }

    @EventHandler
    void on(MerchantMapped event) {
        jdbc.update("""
                        INSERT INTO merchant_mapping_registry (mapping_id, org_id, project_id, category_id)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (mapping_id) DO UPDATE SET project_id = EXCLUDED.project_id,
                            category_id = EXCLUDED.category_id""",
                event.mappingId(), event.orgId(), event.projectId(), event.categoryId());
    }

    @EventHandler
    void on(MerchantUnmapped event) {
        jdbc.update("DELETE FROM merchant_mapping_registry WHERE mapping_id = ?", event.mappingId());
    }

    @Override
    public Optional<Role> activeRole(UUID orgId, UUID memberId) {
        return jdbc.queryForList("SELECT role FROM account WHERE org_id = ? AND member_id = ? AND active",
                String.class, orgId, memberId).stream().findFirst().map(Role::valueOf);
    }

    @Override
    public Currency currencyOf(UUID orgId) {
        return jdbc.queryForList("SELECT currency FROM expense_org_currency WHERE org_id = ?", String.class, orgId)
                .stream().findFirst().map(Currency::getInstance)
                .orElseThrow(() -> new IllegalStateException("No currency for organization " + orgId));
    }

    @Override
    public Optional<ProjectOnFile> project(UUID orgId, UUID projectId) {
        return jdbc.query("SELECT client_id, status FROM project_registry WHERE org_id = ? AND project_id = ?",
                        (rs, i) -> new ProjectOnFile(rs.getObject("client_id", UUID.class),
                                ProjectStatus.valueOf(rs.getString("status"))),
                        orgId, projectId)
                .stream().findFirst();
    }

    @Override
    public Optional<CategoryStanding> category(UUID orgId, UUID categoryId) {
        return jdbc.queryForList("SELECT active FROM expense_category_registry WHERE org_id = ? AND category_id = ?",
                        Boolean.class, orgId, categoryId)
                .stream().findFirst()
                .map(active -> active ? CategoryStanding.ACTIVE : CategoryStanding.INACTIVE);
    }

    @Override
    public Optional<MerchantDefaults> merchantDefaults(UUID orgId, String merchant) {
        UUID mappingId = MerchantMapping.idFor(orgId, merchant);
        return jdbc.query("""
                                SELECT project_id, category_id FROM merchant_mapping_registry
                                WHERE org_id = ? AND mapping_id = ?""",
                        (rs, i) -> new MerchantDefaults(mappingId, rs.getObject("project_id", UUID.class),
                                rs.getObject("category_id", UUID.class)),
                        orgId, mappingId)
                .stream().findFirst();
    }

    @Override
    public boolean externalIdTaken(UUID orgId, String provider, String externalId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM expense_external_id
                                       WHERE org_id = ? AND provider = ? AND external_id = ?)""",
                Boolean.class, orgId, provider, externalId));
    }

    @Override
    public boolean nameTaken(UUID orgId, String name, UUID exceptCategoryId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM expense_category_registry
                                       WHERE org_id = ? AND name_key = ? AND category_id <> ?)""",
                Boolean.class, orgId, Names.normalize(name),
                exceptCategoryId == null ? new UUID(0, 0) : exceptCategoryId));
    }

    private void storeCurrency(UUID orgId, Currency currency) {
        jdbc.update("""
                        INSERT INTO expense_org_currency (org_id, currency) VALUES (?, ?)
                        ON CONFLICT (org_id) DO UPDATE SET currency = EXCLUDED.currency""",
                orgId, currency.getCurrencyCode());
    }
}
