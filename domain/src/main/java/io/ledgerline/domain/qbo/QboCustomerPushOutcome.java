package io.ledgerline.domain.qbo;

import java.time.Instant;

/**
 * What one push of a client to QuickBooks came to, in the terms of the sync log.
 *
 * @param operation    CREATED, UPDATED, LINKED (an existing customer found), CONFLICT (5010 twice), DEFERRED or ERROR
 * @param qboId        the customer written or found, when there is one
 * @param newLink      how the client came to be linked by this push ({@code CREATED} or {@code MATCHED}), or
 *                     {@code null} when it was linked before or is still not linked
 * @param requestId    the {@code requestid} of the last write sent
 * @param syncToken    the customer's {@code SyncToken} afterwards, when QuickBooks answered with it
 * @param qboUpdatedAt the customer's {@code MetaData.LastUpdatedTime} afterwards
 * @param payload      the exact JSON body of the last write sent, {@code null} when none was sent
 */
public record QboCustomerPushOutcome(QboOperation operation, String qboId, QboLinkOrigin newLink, String requestId,
                                     String syncToken, Instant qboUpdatedAt, QboFault fault, String intuitTid,
                                     String payload, String note) {
}
