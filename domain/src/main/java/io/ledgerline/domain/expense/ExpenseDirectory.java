package io.ledgerline.domain.expense;

import io.ledgerline.domain.member.Role;
import io.ledgerline.domain.project.ProjectStatus;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/**
 * The command side's knowledge of what an expense refers to: who may record and decide expenses, the
 * organization's currency, its projects, expense categories and merchant mappings, and the external ids already
 * imported. Kept in the same transaction as the events it follows, never behind.
 */
public interface ExpenseDirectory {

    /** The member's role while they are an active member of the organization; empty otherwise. */
    Optional<Role> activeRole(UUID orgId, UUID memberId);

    /** The organization's own currency: an expense is in it unless it names another. */
    Currency currencyOf(UUID orgId);

    /** The project's client and status; empty when the organization has no such project (or its client was deleted). */
    Optional<ProjectOnFile> project(UUID orgId, UUID projectId);

    /** Whether the organization's category is active; empty when it has no such category. */
    Optional<CategoryStanding> category(UUID orgId, UUID categoryId);

    /** The defaults the organization keeps for this merchant (compared normalized), if any. */
    Optional<MerchantDefaults> merchantDefaults(UUID orgId, String merchant);

    /** Whether an expense of the organization was ever imported under this provider's id (deleted ones count). */
    boolean externalIdTaken(UUID orgId, String provider, String externalId);

    record ProjectOnFile(UUID clientId, ProjectStatus status) {
    }

    enum CategoryStanding {
        ACTIVE,
        INACTIVE
    }

    /** @param projectId {@code null} when the mapping sets no project; likewise {@code categoryId} */
    record MerchantDefaults(UUID mappingId, UUID projectId, UUID categoryId) {
    }
}
