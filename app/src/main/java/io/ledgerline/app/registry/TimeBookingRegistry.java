package io.ledgerline.app.registry;

import io.ledgerline.domain.client.ClientStanding;
import io.ledgerline.domain.project.BillingMethod;
import io.ledgerline.domain.project.ProjectCreated;
import io.ledgerline.domain.project.ProjectDetailsChanged;
import io.ledgerline.domain.project.ProjectStatus;
import io.ledgerline.domain.project.TaskAdded;
import io.ledgerline.domain.project.TaskChanged;
import io.ledgerline.domain.project.TaskDeactivated;
import io.ledgerline.domain.project.TaskReactivated;
import io.ledgerline.domain.time.BookableWork;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What time may be booked on, for the time ledger's commands: a project's billing method and its tasks, kept here;
 * the project's status and client standing come from the client registry's tables, the member's from the accounts.
 */
@Component
@ProcessingGroup(RegistryGroup.NAME)
public class TimeBookingRegistry implements BookableWork {

    private final JdbcTemplate jdbc;

    TimeBookingRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectCreated event) {
        jdbc.update("INSERT INTO project_booking (project_id, org_id, billing_method) VALUES (?, ?, ?)",
                event.projectId(), event.orgId(), event.billingMethod().name());
    }

    @EventHandler
    void on(ProjectDetailsChanged event) {
        jdbc.update("UPDATE project_booking SET billing_method = ? WHERE project_id = ?",
                event.billingMethod().name(), event.projectId());
    }

    @EventHandler
    void on(TaskAdded event) {
        jdbc.update("""
                        INSERT INTO task_booking (task_id, project_id, org_id, billable, active)
                        VALUES (?, ?, ?, ?, TRUE)""",
                event.taskId(), event.projectId(), event.orgId(), event.billable());
    }

    @EventHandler
    void on(TaskChanged event) {
        jdbc.update("UPDATE task_booking SET billable = ? WHERE task_id = ?", event.billable(), event.taskId());
    }

    @EventHandler
    void on(TaskDeactivated event) {
        jdbc.update("UPDATE task_booking SET active = FALSE WHERE task_id = ?", event.taskId());
    }

    @EventHandler
    void on(TaskReactivated event) {
        jdbc.update("UPDATE task_booking SET active = TRUE WHERE task_id = ?", event.taskId());
    }

    @Override
    public Optional<Project> project(UUID orgId, UUID projectId) {
        return jdbc.query("""
                        SELECT p.client_id, p.status, b.billing_method, c.standing
                        FROM project_registry p
                        JOIN project_booking b ON b.project_id = p.project_id
                        JOIN client_registry c ON c.client_id = p.client_id
                        WHERE p.org_id = ? AND p.project_id = ?""",
                (rs, i) -> new Project(rs.getObject("client_id", UUID.class),
                        ProjectStatus.valueOf(rs.getString("status")),
                        BillingMethod.valueOf(rs.getString("billing_method")),
                        ClientStanding.valueOf(rs.getString("standing"))),
                orgId, projectId).stream().findFirst();
    }

    @Override
    public Optional<Task> task(UUID orgId, UUID projectId, UUID taskId) {
        return jdbc.query(
                "SELECT billable, active FROM task_booking WHERE org_id = ? AND project_id = ? AND task_id = ?",
                (rs, i) -> new Task(rs.getBoolean("billable"), rs.getBoolean("active")),
                orgId, projectId, taskId).stream().findFirst();
    }

    @Override
    public Optional<Boolean> memberActive(UUID orgId, UUID memberId) {
        return jdbc.queryForList("SELECT active FROM account WHERE org_id = ? AND member_id = ?", Boolean.class,
                orgId, memberId).stream().findFirst();
    }
}
