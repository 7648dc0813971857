package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record ProjectCreated(UUID orgId, UUID projectId, UUID clientId, String name, String code,
                             BillingMethod billingMethod, BigDecimal hourlyRate, Budget budget, LocalDate startDate,
                             LocalDate endDate) implements OrgScoped {
}
