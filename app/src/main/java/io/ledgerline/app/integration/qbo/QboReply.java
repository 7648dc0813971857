package io.ledgerline.app.integration.qbo;

import tools.jackson.databind.node.ObjectNode;

/**
 * One entity QuickBooks answered with (the object inside its envelope, for example the {@code Invoice}), and the
 * {@code intuit_tid} of the response for the sync log.
 */
public record QboReply(ObjectNode entity, String intuitTid) {
}
