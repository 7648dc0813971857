package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FinalizeInvoice(UUID orgId, @TargetAggregateIdentifier UUID invoiceId) implements OrgScoped {
}
