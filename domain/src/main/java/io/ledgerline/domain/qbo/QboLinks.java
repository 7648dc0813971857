package io.ledgerline.domain.qbo;

import java.util.Optional;
import java.util.UUID;

/**
 * Every link as it stands now, on the command side (updated in the transaction that records a link or unlink), so
 * that a push never creates a second QuickBooks record for a record a moment-old link already names.
 */
public interface QboLinks {

    Optional<QboLinkRef> linkOf(UUID orgId, QboEntity entity, UUID localId);

    Optional<UUID> localIdOf(UUID orgId, QboEntity entity, String realmId, String qboId);

    /** Whether any record of the organization is linked to a QuickBooks company other than {@code realmId}. */
    boolean anyLinkedOutside(UUID orgId, String realmId);
}
