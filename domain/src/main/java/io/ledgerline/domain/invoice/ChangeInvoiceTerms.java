package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes a draft's dates, tax rate or notes. A {@code null} field keeps its value; blank notes clear them. The due
 * date does not follow a changed issue date by itself: send both to move both.
 */
public record ChangeInvoiceTerms(UUID orgId, @TargetAggregateIdentifier UUID invoiceId, LocalDate issueDate,
                                 LocalDate dueDate, BigDecimal taxRate, String notes) implements OrgScoped {
}
