package io.ledgerline.projections.time;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The organization's ledger lock; its version is the organization's.
 *
 * @param lockedThrough absent when the ledger is not locked
 */
public record LedgerLockView(LocalDate lockedThrough, String reason, Instant changedAt, long version) {
}
