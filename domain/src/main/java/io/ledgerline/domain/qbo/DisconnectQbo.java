package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that an admin disconnected QuickBooks (the tokens are already deleted).
 *
 * @param revokedAtIntuit whether Intuit confirmed the revocation; a disconnect stands even when it did not
 */
public record DisconnectQbo(UUID orgId, @TargetAggregateIdentifier UUID connectionId, UUID disconnectedBy,
                            boolean revokedAtIntuit) implements OrgScoped {
}
