package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes a draft's line; a {@code null} field keeps its value. A work line's quantity is the work's own (its
 * hours, or one expense) and cannot be changed, nor can an expense line's unit price (what was spent); a time line's
 * unit price (its rate) and any line's description can.
 */
public record ChangeInvoiceLine(UUID orgId, @TargetAggregateIdentifier UUID invoiceId, UUID lineId,
                                String description, BigDecimal quantity, BigDecimal unitPrice) implements OrgScoped {
}
