package io.ledgerline.domain.rate;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * From {@code effectiveFrom} on ({@code null}: since always) the level's rate for the target is {@code hourlyRate}
 * ({@code null}: none, the next level's applies). It replaces an earlier schedule of the same level, target and date.
 *
 * @param targetId {@code null} for the organization's default
 */
public record HourlyRateScheduled(UUID orgId, UUID rateCardId, RateLevel level, UUID targetId, BigDecimal hourlyRate,
                                  LocalDate effectiveFrom) implements OrgScoped {
}
