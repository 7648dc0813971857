package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/**
 * QuickBooks keeps refusing the connection for a reason other than authorization (company status 6190, keys 3100,
 * repeated pull failures): the card shows Error with the fault until a pull succeeds again.
 */
public record QboConnectionFailed(UUID orgId, String realmId, QboFault fault) implements OrgScoped {
}
