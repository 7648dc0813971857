package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.time.Instant;
import java.util.UUID;

/**
 * Performs the QuickBooks calls of a push or a void for {@link QboInvoiceSync}, which records what came of them.
 * Implemented in the application with the QuickBooks API; every outcome QuickBooks can give is a
 * {@link QboInvoicePush}, never an exception.
 */
public interface QboInvoicePusher {

    /**
     * Links, creates or updates the invoice's QuickBooks copy. With a {@code linkedQboId} it only reads and updates
     * that one; without, it looks the invoice up by its number before it creates anything.
     *
     * @throws BusinessRuleViolation when the push may not be tried at all: {@code qbo.not_connected},
     *                               {@code qbo.invoice_sync_disabled}, {@code qbo.client_not_linked},
     *                               {@code qbo.invoice_not_finalized}; nothing was sent
     */
    QboInvoicePush push(UUID orgId, UUID invoiceId, String linkedQboId, int generation);

    /** Voids the linked QuickBooks invoice (read for its SyncToken, then void). */
    QboInvoicePush voidInvoice(UUID orgId, UUID invoiceId, String realmId, String qboId, int generation);

    /**
     * What one push or void came to.
     *
     * @param operation         CREATED, UPDATED, LINKED, SKIPPED, VOIDED, CONFLICT, DELETED, DEFERRED or ERROR
     * @param qboId             the QuickBooks invoice, when one is known
     * @param linkedAs          how a link was newly found or made by this push; {@code null} when none was
     * @param invoiceVersion    the version of the invoice that was sent
     * @param retryAfterSeconds for DEFERRED: the earliest sensible retry
     */
    record QboInvoicePush(QboOperation operation, String realmId, String qboId, QboLinkOrigin linkedAs,
                          Long invoiceVersion, String requestId, String qboSyncToken, Instant qboUpdatedAt,
                          QboFault fault, String intuitTid, String payload, String note, long retryAfterSeconds) {
    }
}
