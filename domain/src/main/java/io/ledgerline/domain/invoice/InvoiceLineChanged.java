package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/** The line as it is after the change, amount included. */
public record InvoiceLineChanged(UUID orgId, UUID invoiceId, InvoiceLine line) implements OrgScoped {
}
