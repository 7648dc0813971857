package io.ledgerline.projections.invoice;

import java.util.UUID;

public record FetchInvoice(UUID orgId, UUID invoiceId) {
}
