package io.ledgerline.projections.expense;

import java.time.Instant;
import java.util.UUID;

/** A merchant's defaults, with the names of the project and category they point to. */
public record MerchantMappingView(UUID id, String merchant, UUID projectId, String projectName, UUID categoryId,
                                  String categoryName, Instant updatedAt, long version) {
}
