package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param amount in the invoice's currency */
public record RecordPayment(UUID orgId, @TargetAggregateIdentifier UUID invoiceId, UUID paymentId, BigDecimal amount,
                            LocalDate paymentDate, PaymentMethod method, String reference) implements OrgScoped {
}
