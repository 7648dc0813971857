package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.List;
import java.util.UUID;

/** The line left the draft; the work it named is no longer on the draft. */
public record InvoiceLineRemoved(UUID orgId, UUID invoiceId, UUID lineId, List<UUID> timeEntryIds,
                                 List<UUID> expenseIds) implements OrgScoped {
}
