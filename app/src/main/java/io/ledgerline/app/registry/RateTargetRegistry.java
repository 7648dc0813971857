package io.ledgerline.app.registry;

import io.ledgerline.domain.project.TaskAdded;
import io.ledgerline.domain.rate.RateLevel;
import io.ledgerline.domain.rate.RateTargets;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a rate can be set on, answered from the command-side tables: clients and projects from the client
 * registry, members from their accounts, and tasks from a table of its own. A task of a deleted client's project
 * no longer counts, because its project left the project registry.
 */
@Component
@ProcessingGroup(RegistryGroup.NAME)
public class RateTargetRegistry implements RateTargets {

    private final JdbcTemplate jdbc;

    RateTargetRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskAdded event) {
        jdbc.update("INSERT INTO rate_task_registry (task_id, org_id, project_id) VALUES (?, ?, ?)", event.taskId(),
                event.orgId(), event.projectId());
    }

    @Override
    public boolean exists(UUID orgId, RateLevel level, UUID targetId) {
        String sql = switch (level) {
            case CLIENT -> "SELECT EXISTS (SELECT 1 FROM client_registry WHERE org_id = ? AND client_id = ?)";
            case PROJECT -> "SELECT EXISTS (SELECT 1 FROM project_registry WHERE org_id = ? AND project_id = ?)";
            case TASK -> """
                    SELECT EXISTS (SELECT 1 FROM rate_task_registry t
                        JOIN project_registry p ON p.project_id = t.project_id
                        WHERE t.org_id = ? AND t.task_id = ?)""";
            case MEMBER -> "SELECT EXISTS (SELECT 1 FROM account WHERE org_id = ? AND member_id = ?)";
            case ORGANIZATION -> throw new IllegalArgumentException("The organization's default has no target");
        };
        return Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, orgId, targetId));
    }
}
