package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/**
 * QuickBooks could not be reached, throttled us or is waiting for a reconnect: the push or void is retried later.
 * The attempt itself is in the sync log as a DEFERRED {@link QboSyncAttempted}; this is what the retry saga acts on.
 *
 * @param retryAfterSeconds the earliest sensible retry QuickBooks or the client asked for; 0 when none
 */
public record QboInvoiceSyncDeferred(UUID orgId, UUID invoiceId, QboInvoiceAction action, long retryAfterSeconds)
        implements OrgScoped {
}
