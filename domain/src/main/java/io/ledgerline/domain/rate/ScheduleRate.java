package io.ledgerline.domain.rate;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets the hourly rate of one level and target from a date on.
 *
 * @param rateCardId    the organization's rate card; {@code null} is filled in from {@code orgId}
 * @param targetId      the client, project, task or member; {@code null} for the organization's default
 * @param hourlyRate    {@code null}: from that date on the level sets no rate and the next level's applies
 * @param effectiveFrom {@code null}: since always
 */
public record ScheduleRate(UUID orgId, @TargetAggregateIdentifier UUID rateCardId, RateLevel level, UUID targetId,
                           BigDecimal hourlyRate, LocalDate effectiveFrom) implements OrgScoped {

    public ScheduleRate {
        if (rateCardId == null && orgId != null) {
            rateCardId = RateCard.idOf(orgId);
        }
    }
}
