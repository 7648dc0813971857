package io.ledgerline.projections.qbo;

import java.time.Instant;
import java.util.UUID;

/**
 * A client's link to its QuickBooks customer, as the client's QuickBooks panel shows it.
 *
 * @param lastOperation what the last sync attempt did (created, updated, conflict, deferred, error…)
 * @param lastError     the fault and note of the last attempt when it failed, otherwise {@code null}
 */
public record QboCustomerLinkView(UUID clientId, String realmId, String qboCustomerId, String origin,
                                  Instant linkedAt, Instant lastSyncedAt, String lastOperation, String lastError,
                                  long version) {
}
