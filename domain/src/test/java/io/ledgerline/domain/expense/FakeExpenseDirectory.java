package io.ledgerline.domain.expense;

import io.ledgerline.domain.invoice.BilledWork;
import io.ledgerline.domain.member.Role;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The command-side registries as they would answer for one organization, and which expenses are invoiced. */
final class FakeExpenseDirectory implements ExpenseDirectory, ExpenseCategoryNames, BilledWork {

    final UUID orgId;
    final Map<UUID, Role> roles = new HashMap<>();
    final Map<UUID, ProjectOnFile> projects = new HashMap<>();
    final Map<UUID, CategoryStanding> categories = new HashMap<>();
    final Map<UUID, String> categoryNames = new HashMap<>();
    final Map<UUID, MerchantDefaults> mappings = new HashMap<>();
    final Set<String> externalIds = new HashSet<>();
    final Map<UUID, UUID> invoices = new HashMap<>();

    FakeExpenseDirectory(UUID orgId) {
        this.orgId = orgId;
    }

    @Override
    public Optional<Role> activeRole(UUID org, UUID memberId) {
        return orgId.equals(org) ? Optional.ofNullable(roles.get(memberId)) : Optional.empty();
    }

    @Override
    public Currency currencyOf(UUID org) {
        return Currency.getInstance("EUR");
    }

    @Override
    public Optional<ProjectOnFile> project(UUID org, UUID projectId) {
        return orgId.equals(org) ? Optional.ofNullable(projects.get(projectId)) : Optional.empty();
    }

    @Override
    public Optional<CategoryStanding> category(UUID org, UUID categoryId) {
        return orgId.equals(org) ? Optional.ofNullable(categories.get(categoryId)) : Optional.empty();
    }

    @Override
    public Optional<MerchantDefaults> merchantDefaults(UUID org, String merchant) {
        return Optional.ofNullable(mappings.get(MerchantMapping.idFor(org, merchant)));
    }

    @Override
    public boolean externalIdTaken(UUID org, String provider, String externalId) {
        return externalIds.contains(org + "/" + provider + "/" + externalId);
    }

    @Override
    public boolean nameTaken(UUID org, String name, UUID exceptCategoryId) {
        String key = io.ledgerline.domain.shared.Names.normalize(name);
        return orgId.equals(org) && categoryNames.entrySet().stream()
                .anyMatch(entry -> !entry.getKey().equals(exceptCategoryId)
                        && io.ledgerline.domain.shared.Names.normalize(entry.getValue()).equals(key));
    }

    @Override
    public Optional<UUID> invoiceOf(UUID org, UUID itemId) {
        return orgId.equals(org) ? Optional.ofNullable(invoices.get(itemId)) : Optional.empty();
    }
}
