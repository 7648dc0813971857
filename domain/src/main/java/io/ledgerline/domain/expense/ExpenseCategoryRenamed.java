package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record ExpenseCategoryRenamed(UUID orgId, UUID categoryId, String name) implements OrgScoped {
}
