package io.ledgerline.app.integration.qbo;

import java.time.Instant;

/**
 * One change QuickBooks notified by webhook, whichever body shape it came in.
 *
 * @param entity      the entity name as the API spells it, for example {@code Invoice}
 * @param operation   {@code Create}, {@code Update}, {@code Delete}, {@code Merge}, {@code Void} or {@code Emailed}
 * @param lastUpdated when QuickBooks made the change: the order changes are applied in
 * @param dedupeKey   the CloudEvent id, else realm, entity, id, operation and time together
 */
public record QboWebhookNotification(String realmId, String entity, String entityId, String operation,
                                     Instant lastUpdated, String dedupeKey) {

    /** A deletion (or a merge into another record) leaves nothing to read back. */
    static boolean removesTheRecord(String operation) {
        return "Delete".equals(operation) || "Merge".equals(operation);
    }
}
