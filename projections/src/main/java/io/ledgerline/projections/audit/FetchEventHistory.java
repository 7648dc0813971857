package io.ledgerline.projections.audit;

import io.ledgerline.projections.shared.Window;
import java.util.UUID;

/**
 * The stored events of one record, oldest first.
 *
 * @param orgId         the caller's organization: events of any other organization are never returned
 * @param aggregateType the aggregate type as the event store names it (for example {@code Member})
 * @param aggregateId   the record's id
 */
public record FetchEventHistory(UUID orgId, String aggregateType, String aggregateId, Window window) {
}
