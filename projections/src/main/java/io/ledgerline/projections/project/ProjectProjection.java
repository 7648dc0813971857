package io.ledgerline.projections.project;

import io.ledgerline.domain.client.ClientDeleted;
import io.ledgerline.domain.project.Budget;
import io.ledgerline.domain.project.ProjectCreated;
import io.ledgerline.domain.project.ProjectDetailsChanged;
import io.ledgerline.domain.project.ProjectStatus;
import io.ledgerline.domain.project.ProjectStatusChanged;
import io.ledgerline.domain.project.TaskAdded;
import io.ledgerline.domain.project.TaskChanged;
import io.ledgerline.domain.project.TaskDeactivated;
import io.ledgerline.domain.project.TaskReactivated;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects and their tasks as the API lists them. Writes are idempotent (inserts ignore a row already there,
 * updates only move a row forward in version), so a redelivered or replayed event changes nothing twice.
 */
@Component
@ProcessingGroup(ProjectProjection.GROUP)
public class ProjectProjection {

    public static final String GROUP = "projects";

    private final JdbcTemplate jdbc;

    public ProjectProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        Budget budget = event.budget() == null ? Budget.NONE : event.budget();
        jdbc.update("""
                        INSERT INTO project_view (project_id, org_id, client_id, name, code, billing_method, hourly_rate,
                            budget_hours, budget_amount, start_date, end_date, status, created_at, version)
                        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                        WHERE NOT EXISTS (SELECT 1 FROM project_view_deleted_client WHERE client_id = ?)
                        ON CONFLICT (project_id) DO NOTHING""",
                event.projectId(), event.orgId(), event.clientId(), event.name(), event.code(),
                event.billingMethod().name(), event.hourlyRate(), budget.hours(), budget.amount(),
                date(event.startDate()), date(event.endDate()), ProjectStatus.ACTIVE.name(),
                java.sql.Timestamp.from(at), version, event.clientId());
    }

    @EventHandler
    void on(ProjectDetailsChanged event, @SequenceNumber long version) {
        Budget budget = event.budget() == null ? Budget.NONE : event.budget();
        jdbc.update("""
                        UPDATE project_view SET name = ?, code = ?, billing_method = ?, hourly_rate = ?, budget_hours = ?,
                            budget_amount = ?, start_date = ?, end_date = ?, version = ?
                        WHERE project_id = ? AND version < ?""",
                event.name(), event.code(), event.billingMethod().name(), event.hourlyRate(), budget.hours(),
                budget.amount(), date(event.startDate()), date(event.endDate()), version, event.projectId(), version);
    }

    @EventHandler
    void on(ProjectStatusChanged event, @SequenceNumber long version) {
        jdbc.update("UPDATE project_view SET status = ?, version = ? WHERE project_id = ? AND version < ?",
                event.status().name(), version, event.projectId(), version);
    }

    @EventHandler
    void on(TaskAdded event, @SequenceNumber long version) {
        // A task of a project no longer in the read model (its client was deleted) stays out as well.
        jdbc.update("""
                        INSERT INTO task_view (task_id, project_id, org_id, name, billable, rate_override, active, version)
                        SELECT ?, ?, ?, ?, ?, ?, TRUE, ?
                        WHERE EXISTS (SELECT 1 FROM project_view WHERE project_id = ?)
                        ON CONFLICT (task_id) DO NOTHING""",
                event.taskId(), event.projectId(), event.orgId(), event.name(), event.billable(),
                event.rateOverride(), version, event.projectId());
        touchProject(event.projectId(), version);
    }

    @EventHandler
    void on(TaskChanged event, @SequenceNumber long version) {
        jdbc.update("""
                        UPDATE task_view SET name = ?, billable = ?, rate_override = ?, version = ?
                        WHERE task_id = ? AND version < ?""",
                event.name(), event.billable(), event.rateOverride(), version, event.taskId(), version);
        touchProject(event.projectId(), version);
    }

    @EventHandler
    void on(TaskDeactivated event, @SequenceNumber long version) {
        setTaskActive(event.projectId(), event.taskId(), false, version);
    }

    @EventHandler
    void on(TaskReactivated event, @SequenceNumber long version) {
        setTaskActive(event.projectId(), event.taskId(), true, version);
    }

    /** The client's projects and tasks leave the read model; the event store keeps their history. */
    @EventHandler
    void on(ClientDeleted event) {
        jdbc.update("""
                        INSERT INTO project_view_deleted_client (client_id, org_id) VALUES (?, ?)
                        ON CONFLICT (client_id) DO NOTHING""", event.clientId(), event.orgId());
        jdbc.update("""
                        DELETE FROM task_view WHERE project_id IN
                            (SELECT project_id FROM project_view WHERE org_id = ? AND client_id = ?)""",
                event.orgId(), event.clientId());
        jdbc.update("DELETE FROM project_view WHERE org_id = ? AND client_id = ?", event.orgId(), event.clientId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM task_view");
        jdbc.update("DELETE FROM project_view");
        jdbc.update("DELETE FROM project_view_deleted_client");
    }

    private void setTaskActive(UUID projectId, UUID taskId, boolean active, long version) {
        jdbc.update("UPDATE task_view SET active = ?, version = ? WHERE task_id = ? AND version < ?",
                active, version, taskId, version);
        touchProject(projectId, version);
    }

    /** A task change is a change of its project: the project's version (its ETag) moves with it. */
    private void touchProject(UUID projectId, long version) {
        jdbc.update("UPDATE project_view SET version = ? WHERE project_id = ? AND version < ?", version, projectId,
                version);
    }

    private static java.sql.Date date(java.time.LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }
}
