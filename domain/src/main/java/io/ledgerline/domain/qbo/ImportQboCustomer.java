package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a client from a QuickBooks customer and links the two, in one transaction.
 *
 * @param clientId derived from the organization, company and customer, so that a retried import finds the client
 *                 it made instead of making a second one
 */
public record ImportQboCustomer(UUID orgId, @TargetAggregateIdentifier UUID clientId, String realmId,
                                QboCustomer customer) implements OrgScoped {
}
