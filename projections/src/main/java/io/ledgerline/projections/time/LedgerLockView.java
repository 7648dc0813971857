package io.ledgerline.projections.time;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The organization's ledger lock; its version is the organization's.
 *
 * @param lockedThrough absent when the ledger is not locked
 * @param timeZone      the organization's, in which its business dates are
 */
public record LedgerLockView(LocalDate lockedThrough, String reason, Instant changedAt, String timeZone,
                             long version) {
}
