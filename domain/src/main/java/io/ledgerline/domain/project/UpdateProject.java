package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the project's details; the web layer merges a PATCH onto the current ones before sending. */
public record UpdateProject(UUID orgId, @TargetAggregateIdentifier UUID projectId, String name, String code,
                            BillingMethod billingMethod, BigDecimal hourlyRate, Budget budget, LocalDate startDate,
                            LocalDate endDate) implements OrgScoped {
}
