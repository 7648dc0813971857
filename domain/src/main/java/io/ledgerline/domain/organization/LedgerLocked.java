package io.ledgerline.domain.organization;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.util.UUID;

/** @param previousThrough the lock date before, {@code null} when the ledger was not locked */
public record LedgerLocked(UUID orgId, LocalDate through, LocalDate previousThrough, String reason)
        implements OrgScoped {
}
