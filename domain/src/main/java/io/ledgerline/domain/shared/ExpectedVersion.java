package io.ledgerline.domain.shared;

import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * The version of an aggregate the caller read (If-Match), which travels as command metadata. Axon checks it when it
 * loads an aggregate, but not on the create-if-missing path: handlers on that path check it themselves, under the
 * aggregate's lock.
 */
public final class ExpectedVersion {

    /** The metadata key the application sends the If-Match version under. */
    public static final String METADATA_KEY = "expectedVersion";

    private ExpectedVersion() {
    }

    /** @throws ConflictingAggregateVersionException when the aggregate is not at the version the caller read */
    public static void check(Object aggregateId, Long expectedVersion) {
        Long version = AggregateLifecycle.getVersion();
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            throw new ConflictingAggregateVersionException(String.valueOf(aggregateId), expectedVersion,
                    version == null ? -1 : version);
        }
    }
}
