package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/** An admin disconnected QuickBooks; links and synced records stay, and a reconnect to the same company resumes. */
public record QboDisconnected(UUID orgId, String realmId, UUID disconnectedBy, boolean revokedAtIntuit)
        implements OrgScoped {
}
