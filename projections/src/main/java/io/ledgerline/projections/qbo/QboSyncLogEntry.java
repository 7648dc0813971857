package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboFault;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of the sync log: a link, an unlink or a sync attempt. Enum values are lowercase as the API shows them.
 *
 * @param eventId     the event this line is, for the event store and the audit trail
 * @param direction   {@code push} or {@code pull}; {@code null} for a link or an unlink
 * @param operation   what came of it ({@code created}, {@code error}, …; {@code linked}/{@code unlinked} for link events)
 * @param linkOrigin  how a link came to be ({@code imported}, {@code chosen}, {@code matched}, {@code created})
 * @param payloadJson the exact JSON body sent to QuickBooks, {@code null} when nothing was sent
 * @param actor       who caused it (a member id, or the process that did), from the event's metadata
 */
public record QboSyncLogEntry(String eventId, Instant at, String entity, UUID localId, String realmId, String qboId,
                              String direction, String operation, String linkOrigin, String requestId,
                              Long localVersion, String qboSyncToken, Instant qboUpdatedAt, QboFault fault,
                              String intuitTid, String payloadJson, String note, String actor) {
}
