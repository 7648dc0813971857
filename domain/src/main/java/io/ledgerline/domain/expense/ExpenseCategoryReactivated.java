package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ExpenseCategoryReactivated(UUID orgId, UUID categoryId) implements OrgScoped {
}
