package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.List;
import java.util.UUID;

/**
 * The invoice no longer stands; its number is never given again. The work it billed is released and becomes
 * billable again, which is why it is named here.
 */
public record InvoiceVoided(UUID orgId, UUID invoiceId, UUID clientId, String number, String reason,
                            List<UUID> timeEntryIds, List<UUID> expenseIds) implements OrgScoped {
}
