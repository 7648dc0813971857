package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.QboFault;
import tools.jackson.databind.node.ObjectNode;

/** One item's answer in a batch response: either the entity or its fault (the HTTP status is 200 for both). */
public record QboBatchResult(String bId, ObjectNode entity, QboFault fault) {

    public boolean failed() {
        return fault != null;
    }
}
