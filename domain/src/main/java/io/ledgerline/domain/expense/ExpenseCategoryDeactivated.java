package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ExpenseCategoryDeactivated(UUID orgId, UUID categoryId) implements OrgScoped {
}
