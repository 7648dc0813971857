package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to bring a record in step with QuickBooks, whatever came of it: the sync log is these events, and
 * the sync history at a past moment is rebuilt from them. When it happened is the event's own timestamp.
 *
 * @param localId      the Ledgerline record; {@code null} for a QuickBooks record with no Ledgerline counterpart
 * @param qboId        the QuickBooks record, when known
 * @param requestId    the {@code requestid} sent with a write, so Intuit can recognise a retry
 * @param localVersion the Ledgerline record's version the attempt was about
 * @param qboSyncToken QuickBooks' {@code SyncToken} after the attempt, when it answered with the record
 * @param qboUpdatedAt QuickBooks' {@code MetaData.LastUpdatedTime} of the record it answered with or reported
 * @param fault        what QuickBooks answered when it refused; {@code null} otherwise
 * @param intuitTid    the {@code intuit_tid} response header, for Intuit's support
 * @param payload      the exact JSON body sent (never a secret), or {@code null} when nothing was sent
 * @param note         a sentence for a person: why skipped, which change won a conflict, what to do about an error
 */
public record QboSyncAttempted(UUID orgId, QboEntity entity, UUID localId, String realmId, String qboId,
                               QboDirection direction, QboOperation operation, String requestId, Long localVersion,
                               String qboSyncToken, Instant qboUpdatedAt, QboFault fault, String intuitTid,
                               String payload, String note) implements OrgScoped {
}
