package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/** The link is gone; both records stay as they are, and neither is synced with the other any more. */
public record QboUnlinked(UUID orgId, QboEntity entity, UUID localId, String realmId, String qboId, String reason)
        implements OrgScoped {
}
