package io.ledgerline.domain.time;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The date through which an organization's ledger is locked: no time or expense dated on or before it may be
 * recorded, changed or deleted (unless an admin unlocks that one record). Answered on the command side, in the
 * command's transaction.
 */
public interface LedgerLocks {

    /**
     * The lock date, if the ledger is locked. Asking holds the lock date until the command's transaction ends, so a
     * lock that moves past the date meanwhile waits for the command instead of letting it slip in behind.
     */
    Optional<LocalDate> lockedThrough(UUID orgId);
}
