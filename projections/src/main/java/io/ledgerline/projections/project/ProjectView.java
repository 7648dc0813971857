package io.ledgerline.projections.project;

import io.ledgerline.domain.project.BillingMethod;
import io.ledgerline.domain.project.Budget;
import io.ledgerline.domain.project.ProjectStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A project as read; {@code tasks} is filled when one project is fetched and left out of lists. */
public record ProjectView(UUID id, UUID clientId, String name, String code, BillingMethod billingMethod,
                          BigDecimal hourlyRate, Budget budget, LocalDate startDate, LocalDate endDate,
                          ProjectStatus status, Instant createdAt, long version, List<TaskView> tasks) {

    ProjectView withTasks(List<TaskView> loaded) {
        return new ProjectView(id, clientId, name, code, billingMethod, hourlyRate, budget, startDate, endDate, status,
                createdAt, version, loaded);
    }
}
