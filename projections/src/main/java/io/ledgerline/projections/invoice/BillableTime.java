package io.ledgerline.projections.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An approved, billable time entry that no invoice bills yet, with the hourly rate that applies to it on its date
 * and where that rate comes from ({@code member}, {@code task}, {@code project}, {@code client}, {@code organization});
 * {@code hourlyRate} is {@code null} when no level has a rate.
 */
public record BillableTime(UUID entryId, UUID memberId, String memberName, UUID projectId, String projectName,
                           UUID taskId, String taskName, LocalDate workDate, int minutes, String description,
                           BigDecimal hourlyRate, String rateSource) {
}
