package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.LocalDate;
import java.util.UUID;

public record TimesheetApproved(UUID orgId, UUID timesheetId, UUID memberId, LocalDate weekStart, UUID approvedBy)
        implements OrgScoped {
}
