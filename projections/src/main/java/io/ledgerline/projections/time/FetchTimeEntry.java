package io.ledgerline.projections.time;

import java.util.UUID;

/** @param withRate whether to resolve the hourly rate that applies to the entry */
public record FetchTimeEntry(UUID orgId, UUID entryId, boolean withRate) {
}
