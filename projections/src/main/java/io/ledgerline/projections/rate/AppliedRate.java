package io.ledgerline.projections.rate;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The hourly rate that applies to a piece of work, and where it came from.
 *
 * @param source        the level that set it: member, task, project, client or organization
 * @param effectiveFrom the date that level's rate applies from; {@code null}: since always
 */
public record AppliedRate(BigDecimal hourlyRate, String source, LocalDate effectiveFrom) {
}
