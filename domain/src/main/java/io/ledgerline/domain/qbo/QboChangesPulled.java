package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * One pull of QuickBooks' changes, for the audit: every record changed since {@code changedSince} was applied, and
 * the next pull starts at {@code checkpoint}. A successful pull clears an Error status.
 *
 * @param saturated  change data capture answered its maximum of 1,000 objects, so the window was read in full
 * @param fullResync the window was read by full queries (saturated, or older than change data capture reaches)
 */
public record QboChangesPulled(UUID orgId, String realmId, Instant changedSince, Instant checkpoint, int changeCount,
                               boolean saturated, boolean fullResync) implements OrgScoped {
}
