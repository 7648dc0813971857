package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReactivateExpenseCategory(UUID orgId, @TargetAggregateIdentifier UUID categoryId) implements OrgScoped {
}
