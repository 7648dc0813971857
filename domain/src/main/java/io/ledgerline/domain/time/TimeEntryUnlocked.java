package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.util.UUID;

/**
 * @param lockedBy  what kept the entry from being changed when it was unlocked
 * @param invoiceId the invoice that bills it, when {@code lockedBy} is {@link EntryLock#INVOICED}
 */
public record TimeEntryUnlocked(UUID orgId, UUID entryId, UUID memberId, LocalDate workDate, EntryLock lockedBy,
                                UUID invoiceId, String reason) implements OrgScoped {
}
