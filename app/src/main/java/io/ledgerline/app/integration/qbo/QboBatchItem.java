package io.ledgerline.app.integration.qbo;

import tools.jackson.databind.node.ObjectNode;

/**
 * One operation of a batch request.
 *
 * @param operation {@code create}, {@code update}, {@code delete} or {@code query}
 * @param entity    {@code Customer}, {@code Invoice}, …; for a query, the statement goes in {@code query}
 */
public record QboBatchItem(String bId, String operation, String entity, ObjectNode body, String query) {
}
