package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that an admin authorized Ledgerline for a QuickBooks company (the tokens are already stored, apart).
 *
 * @param companyName the company's name from QuickBooks, {@code null} when it could not be read
 * @param connectedBy the member who completed the authorization
 */
public record ConnectQbo(UUID orgId, @TargetAggregateIdentifier UUID connectionId, String realmId,
                         String companyName, UUID connectedBy) implements OrgScoped {
}
