package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces the project's details; the web layer merges a PATCH onto the current ones before sending.
 *
 * @param rateEffectiveFrom the date a changed hourly rate applies from ({@code null}: since always); ignored when the
 *                          rate stays as it is
 */
public record UpdateProject(UUID orgId, @TargetAggregateIdentifier UUID projectId, String name, String code,
                            BillingMethod billingMethod, BigDecimal hourlyRate, Budget budget, LocalDate startDate,
                            LocalDate endDate, LocalDate rateEffectiveFrom) implements OrgScoped {
}
