package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a draft for a client. The lines come already made (from the client's unbilled work, and by hand); the
 * invoice works out their amounts. {@code currency}, {@code taxRate} and {@code dueDate} left {@code null} come from
 * the bill-to snapshot: the client's currency and tax rate, and the issue date plus the client's payment terms.
 *
 * @param projectIds  the projects the work was taken from; empty for all of the client's
 * @param periodStart first date of the work billed, {@code null} for a draft that bills no work
 * @param periodEnd   last date of the work billed, {@code null} for a draft that bills no work
 * @param billTo      the client's bill-to details as they are now; {@code null} when there is no such client
 */
public record CreateInvoiceDraft(UUID orgId, @TargetAggregateIdentifier UUID invoiceId, UUID clientId,
                                 List<UUID> projectIds, LocalDate periodStart, LocalDate periodEnd,
                                 LineGrouping grouping, Currency currency, BigDecimal taxRate, LocalDate issueDate,
                                 LocalDate dueDate, String notes, BillTo billTo, List<DraftLine> lines)
        implements OrgScoped {
}
