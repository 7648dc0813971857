package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateProject(UUID orgId, @TargetAggregateIdentifier UUID projectId, UUID clientId, String name,
                            String code, BillingMethod billingMethod, BigDecimal hourlyRate, Budget budget,
                            LocalDate startDate, LocalDate endDate) implements OrgScoped {
}
