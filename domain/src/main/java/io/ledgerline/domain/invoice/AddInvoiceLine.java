package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a manual line to a draft (work lines come only from the work itself, when the draft is created). */
public record AddInvoiceLine(UUID orgId, @TargetAggregateIdentifier UUID invoiceId, UUID lineId, String description,
                             BigDecimal quantity, BigDecimal unitPrice) implements OrgScoped {
}
