package io.ledgerline.domain.qbo;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * How far a client and its QuickBooks customer are in step, as the customer sync's events leave it: the aggregate
 * decides with it, and a force resync plans with the same state rebuilt from the same events.
 *
 * @param qboId               the linked customer; {@code null} while not linked
 * @param syncedClientVersion the client's fields version both sides last agreed on
 * @param qboUpdatedAt        the customer's {@code LastUpdatedTime} last applied or written
 */
public record QboCustomerSyncState(String realmId, String qboId, Long syncedClientVersion, Instant qboUpdatedAt) {

    public static final QboCustomerSyncState NEW = new QboCustomerSyncState(null, null, null, null);

    /** Attempts after which both sides hold the same shared fields. */
    private static final Set<QboOperation> IN_STEP = EnumSet.of(QboOperation.CREATED, QboOperation.UPDATED,
            QboOperation.LINKED, QboOperation.SKIPPED, QboOperation.CONFLICT);

    public boolean linked() {
        return qboId != null;
    }

    /** Whether the client changed a shared field since the two were last in step. */
    public boolean changedSince(QboClientProfile client) {
        return syncedClientVersion == null || client.fieldsVersion() > syncedClientVersion;
    }

    /** Whether QuickBooks' version is newer than the one last applied or written. */
    public boolean olderThan(Instant customerUpdatedAt) {
        return customerUpdatedAt != null && (qboUpdatedAt == null || customerUpdatedAt.isAfter(qboUpdatedAt));
    }

    public QboCustomerSyncState after(Object event) {
        if (event instanceof QboLinked linked) {
            return new QboCustomerSyncState(linked.realmId(), linked.qboId(), syncedClientVersion, qboUpdatedAt);
        }
        if (event instanceof QboUnlinked) {
            return new QboCustomerSyncState(realmId, null, null, null);
        }
        if (event instanceof QboSyncAttempted attempt && IN_STEP.contains(attempt.operation())) {
            Instant updatedAt = olderThan(attempt.qboUpdatedAt()) ? attempt.qboUpdatedAt() : qboUpdatedAt;
            // A conflict pulled from QuickBooks left the client as QuickBooks has it; one on a push (QuickBooks
            // kept changing the customer) overwrote nothing, so the client's change is still to be synced.
            boolean clientInStep = attempt.operation() != QboOperation.CONFLICT
                    || attempt.direction() == QboDirection.PULL;
            Long synced = attempt.localVersion() != null && clientInStep ? attempt.localVersion()
                    : syncedClientVersion;
            return new QboCustomerSyncState(realmId, qboId, synced, updatedAt);
        }
        return this;
    }
}
