package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/** The draft was thrown away before it was finalized; it never had a number. */
public record InvoiceDraftDeleted(UUID orgId, UUID invoiceId, UUID clientId) implements OrgScoped {
}
