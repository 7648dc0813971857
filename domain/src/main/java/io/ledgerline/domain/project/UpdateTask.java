package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Renames a task or changes its billable flag or rate override (the web layer merges a PATCH first).
 *
 * @param rateEffectiveFrom the date a changed rate override applies from ({@code null}: since always); ignored when
 *                          the override stays as it is
 */
public record UpdateTask(UUID orgId, @TargetAggregateIdentifier UUID projectId, UUID taskId, String name,
                         boolean billable, BigDecimal rateOverride, LocalDate rateEffectiveFrom) implements OrgScoped {
}
