package io.ledgerline.domain.qbo;

import java.util.Optional;
import java.util.UUID;

/**
 * Whether the organization's QuickBooks connection may sync now, on the command side: present only while it is
 * connected (not expired, not disconnected), with the settings in force.
 */
public interface QboSyncPolicy {

    Optional<ActiveQbo> active(UUID orgId);

    record ActiveQbo(String realmId, QboSettings settings) {
    }
}
