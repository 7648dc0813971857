package io.ledgerline.domain.time;

import io.ledgerline.domain.client.ClientStanding;
import io.ledgerline.domain.project.BillingMethod;
import io.ledgerline.domain.project.ProjectStatus;
import java.util.Optional;
import java.util.UUID;

/** What time may be booked on, and by whom: projects, their tasks and clients, and the organization's members. */
public interface BookableWork {

    /** The organization's project, or empty when it has none such (or its client was deleted). */
    Optional<Project> project(UUID orgId, UUID projectId);

    /** The project's task, or empty when the project has none such. */
    Optional<Task> task(UUID orgId, UUID projectId, UUID taskId);

    /** Whether the member may still sign in, or empty when the organization has no such member. */
    Optional<Boolean> memberActive(UUID orgId, UUID memberId);

    record Project(UUID clientId, ProjectStatus status, BillingMethod billingMethod, ClientStanding clientStanding) {
    }

    record Task(boolean billable, boolean active) {
    }
}
