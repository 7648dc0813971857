package io.ledgerline.projections.expense;

import io.ledgerline.projections.shared.Window;
import java.util.UUID;

/** The organization's categories by name; {@code active} {@code null}: active and deactivated ones. */
public record FindExpenseCategories(UUID orgId, Boolean active, Window window) {
}
