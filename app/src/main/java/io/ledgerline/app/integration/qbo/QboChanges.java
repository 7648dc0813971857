package io.ledgerline.app.integration.qbo;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What change data capture reported since a moment, per entity name ({@code Customer}, {@code Invoice},
 * {@code Payment}). A deleted record comes as its {@code Id}, {@code MetaData} and {@code status: "Deleted"}.
 *
 * @param saturated QuickBooks returned its maximum of 1,000 objects: more may have changed, so the checkpoint must
 *                  not move past this answer (fall back to a full query instead)
 */
public record QboChanges(Map<String, List<ObjectNode>> changed, boolean saturated, String intuitTid) {

    public List<ObjectNode> of(String entity) {
        return changed.getOrDefault(entity, List.of());
    }
}
