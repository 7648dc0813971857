package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a line from a draft; the work it billed is no longer on the draft and stays billable. */
public record RemoveInvoiceLine(UUID orgId, @TargetAggregateIdentifier UUID invoiceId, UUID lineId)
        implements OrgScoped {
}
