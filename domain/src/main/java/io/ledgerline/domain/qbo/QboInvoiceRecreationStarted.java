package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/**
 * A force resync re-creates an invoice deleted in QuickBooks. The new generation gives the create a new
 * {@code requestid}: Intuit may replay the deleted invoice's original response for the old one.
 */
public record QboInvoiceRecreationStarted(UUID orgId, UUID invoiceId, int generation) implements OrgScoped {
}
