package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record InvoiceLineAdded(UUID orgId, UUID invoiceId, InvoiceLine line) implements OrgScoped {
}
