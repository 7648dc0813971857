package io.ledgerline.projections.rate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One point of a rate schedule.
 *
 * @param targetId      {@code null} for the organization's default
 * @param effectiveFrom {@code null}: since always
 * @param hourlyRate    {@code null}: from that date on the level sets no rate
 * @param origin        {@code rate_card} (set through the rates API) or {@code project} (a project's rate or a
 *                      task's rate override)
 * @param version       the version of the aggregate that recorded it
 */
public record ScheduledRate(String level, UUID targetId, LocalDate effectiveFrom, BigDecimal hourlyRate, String origin,
                            long version) {
}
