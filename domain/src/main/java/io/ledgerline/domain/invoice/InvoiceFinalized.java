package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The invoice was issued under its number. The time entries and expenses it bills are named here so that the
 * ledger and the expense list mark them invoiced without asking the invoice again.
 */
public record InvoiceFinalized(UUID orgId, UUID invoiceId, UUID clientId, String number, LocalDate issueDate,
                               LocalDate dueDate, List<UUID> timeEntryIds, List<UUID> expenseIds)
        implements OrgScoped {
}
