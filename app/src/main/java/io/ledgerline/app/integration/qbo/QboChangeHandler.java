package io.ledgerline.app.integration.qbo;

import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings one record QuickBooks reports changed (by change data capture, a webhook or a force resync) into
 * Ledgerline. Changes can come twice and out of order: an implementation applies a record only when its
 * {@code MetaData.LastUpdatedTime} is newer than the last one it applied, and records what it did as a sync attempt.
 */
public interface QboChangeHandler {

    /** The QuickBooks entity names it handles, for example {@code Customer}. */
    Set<String> entities();

    /**
     * @param record the record as QuickBooks has it now; for a deletion only its {@code Id} and {@code MetaData},
     *               with {@code "status": "Deleted"}
     */
    void apply(UUID orgId, String realmId, String entity, ObjectNode record);
}
