package io.ledgerline.domain.organization;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The lock moved back: the days after {@code through} (every day when it is {@code null}) up to
 * {@code previousThrough} are open again.
 */
public record LedgerUnlocked(UUID orgId, LocalDate previousThrough, LocalDate through, String reason)
        implements OrgScoped {
}
