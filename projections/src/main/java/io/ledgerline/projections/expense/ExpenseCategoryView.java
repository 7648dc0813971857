package io.ledgerline.projections.expense;

import java.time.Instant;
import java.util.UUID;

public record ExpenseCategoryView(UUID id, String name, boolean active, Instant createdAt, long version) {
}
