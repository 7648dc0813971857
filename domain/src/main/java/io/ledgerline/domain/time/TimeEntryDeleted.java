package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.util.UUID;

public record TimeEntryDeleted(UUID orgId, UUID entryId, UUID memberId, LocalDate workDate, int minutes)
        implements OrgScoped {
}
