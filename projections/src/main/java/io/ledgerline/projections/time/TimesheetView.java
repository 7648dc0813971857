package io.ledgerline.projections.time;

import io.ledgerline.domain.time.TimesheetStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member's week with its totals. A week never submitted is {@code open}, has no id, decision or version yet.
 *
 * @param decidedBy who approved or rejected it (the last decision)
 */
public record TimesheetView(UUID id, UUID memberId, String memberName, LocalDate weekStart, LocalDate weekEnd,
                            TimesheetStatus status, Instant submittedAt, UUID submittedBy, Instant decidedAt,
                            UUID decidedBy, String rejectionReason, int billableMinutes, int nonBillableMinutes,
                            int entries, Long version) {
}
