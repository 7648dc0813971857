package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** A draft was opened for a client, with its bill-to snapshot, terms and first lines (amounts worked out). */
public record InvoiceDraftCreated(UUID orgId, UUID invoiceId, UUID clientId, List<UUID> projectIds,
                                  LocalDate periodStart, LocalDate periodEnd, LineGrouping grouping, Currency currency,
                                  BigDecimal taxRate, LocalDate issueDate, LocalDate dueDate, String notes,
                                  BillTo billTo, List<InvoiceLine> lines) implements OrgScoped {
}
