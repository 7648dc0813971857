package io.ledgerline.domain.expense;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import io.ledgerline.domain.shared.OrgScoped;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The defaults an organization keeps for one merchant: the project and/or category its expenses usually go to.
 * Its id is derived from the organization and the normalized merchant, so a merchant has exactly one mapping
 * (however it is spelled), and an unmapped merchant can be mapped again under the same id.
 */
@Aggregate
public class MerchantMapping {

    @AggregateIdentifier
    private UUID mappingId;
    private UUID orgId;
    private String merchant;
    private UUID projectId;
    private UUID categoryId;
    private boolean mapped;

    protected MerchantMapping() {
        // for Axon, and the start of a mapping made by MapMerchant
    }

    /** The id of the organization's mapping for this merchant: "Acme  Inc " and "acme inc" share it. */
    public static UUID idFor(UUID orgId, String merchant) {
        String key = "merchant-mapping:" + orgId + ":" + Names.normalize(merchant);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** @return whether the merchant was not mapped before (a new mapping rather than a replaced one) */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(MapMerchant command, ExpenseDirectory directory) {
        if (orgId != null) {
            requireSameOrganization(command);
        }
        String name = ExpenseReferences.validMerchant(command.merchant());
        if (!idFor(command.orgId(), name).equals(command.mappingId())) {
            throw BusinessRuleViolation.unprocessable("merchant_mapping.id_mismatch",
                    "A merchant's mapping id is derived from the organization and the merchant.");
        }
        requireUsableDefaults(directory, command.orgId(), command.projectId(), command.categoryId());
        boolean isNew = !mapped;
        if (isNew || !name.equals(merchant) || !Objects.equals(command.projectId(), projectId)
                || !Objects.equals(command.categoryId(), categoryId)) {
            apply(new MerchantMapped(command.orgId(), command.mappingId(), name, command.projectId(),
                    command.categoryId()));
        }
        return isNew;
    }

    @CommandHandler
    public void handle(ChangeMerchantMapping command, ExpenseDirectory directory) {
        requireSameOrganization(command);
        requireMapped();
        requireUsableDefaults(directory, orgId, command.projectId(), command.categoryId());
        if (!Objects.equals(command.projectId(), projectId) || !Objects.equals(command.categoryId(), categoryId)) {
            apply(new MerchantMapped(orgId, mappingId, merchant, command.projectId(), command.categoryId()));
        }
    }

    @CommandHandler
    public void handle(UnmapMerchant command) {
        requireSameOrganization(command);
        requireMapped();
        apply(new MerchantUnmapped(orgId, mappingId, merchant));
    }

    private void requireSameOrganization(OrgScoped command) {
        if (!orgId.equals(command.orgId())) {
            throw notFound();
        }
    }

    private void requireMapped() {
        if (!mapped) {
            throw notFound();
        }
    }

    private static BusinessRuleViolation notFound() {
        return BusinessRuleViolation.notFound("merchant_mapping.not_found", "No such merchant mapping.");
    }

    /** A mapping's defaults must be usable the day it is made; one that goes stale later simply fills nothing. */
    private static void requireUsableDefaults(ExpenseDirectory directory, UUID orgId, UUID projectId,
                                              UUID categoryId) {
        if (projectId == null && categoryId == null) {
            throw BusinessRuleViolation.unprocessable("merchant_mapping.empty",
                    "A mapping sets a project, a category or both.");
        }
        if (projectId != null) {
            ExpenseReferences.requireOpenProject(directory, orgId, projectId);
        }
        if (categoryId != null) {
            ExpenseReferences.requireActiveCategory(directory, orgId, categoryId);
        }
    }

    @EventSourcingHandler
    void on(MerchantMapped event) {
        mappingId = event.mappingId();
        orgId = event.orgId();
        merchant = event.merchant();
        projectId = event.projectId();
        categoryId = event.categoryId();
        mapped = true;
    }

    @EventSourcingHandler
    void on(MerchantUnmapped event) {
        mapped = false;
    }
}
