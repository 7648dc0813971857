package io.ledgerline.domain.organization;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets the date the organization's ledger is locked through: no time or expense dated on or before it can be
 * recorded, changed or deleted. A later date locks more ({@link LedgerLocked}); an earlier date, or none, reopens
 * the days in between ({@link LedgerUnlocked}). Either way the reason is kept.
 *
 * @param through {@code null} to lift the lock altogether
 */
public record LockLedger(@TargetAggregateIdentifier UUID orgId, LocalDate through, String reason)
        implements OrgScoped {
}
