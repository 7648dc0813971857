package io.ledgerline.domain.invoice;

import java.util.Optional;
import java.util.UUID;

/**
 * Which finalized invoice bills a time entry or an expense. Kept on the command side in the transaction that
 * finalizes or voids the invoice, so an entry can never be edited after it was billed, nor billed twice.
 */
public interface BilledWork {

    /** The invoice that bills this time entry or expense, if a finalized and not voided one does. */
    Optional<UUID> invoiceOf(UUID orgId, UUID itemId);
}
