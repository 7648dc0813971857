package io.ledgerline.projections.project;

import java.math.BigDecimal;
import java.util.UUID;

/** @param rateOverride the task's own hourly rate, or {@code null} when the project's applies */
public record TaskView(UUID id, String name, boolean billable, BigDecimal rateOverride, boolean active, long version) {
}
