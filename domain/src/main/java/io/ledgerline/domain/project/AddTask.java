package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param rateOverride the task's own hourly rate, or {@code null} to use the project's */
public record AddTask(UUID orgId, @TargetAggregateIdentifier UUID projectId, UUID taskId, String name,
                      boolean billable, BigDecimal rateOverride) implements OrgScoped {
}
