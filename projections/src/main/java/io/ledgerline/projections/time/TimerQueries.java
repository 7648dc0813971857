package io.ledgerline.projections.time;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class TimerQueries {

    private final DatabaseClient database;

    public TimerQueries(DatabaseClient database) {
        this.database = database;
    }

    /** The member's timer, or empty when they never started one. */
    public Mono<TimerView> fetch(UUID orgId, UUID memberId) {
        return database.sql("""
                        SELECT r.*, p.name AS project_name, t.name AS task_name
                        FROM timer_view r
                        LEFT JOIN project_view p ON p.project_id = r.project_id
                        LEFT JOIN task_view t ON t.task_id = r.task_id
                        WHERE r.org_id = :orgId AND r.member_id = :memberId""")
                .bind("orgId", orgId)
                .bind("memberId", memberId)
                .map(row -> {
                    OffsetDateTime startedAt = row.get("started_at", OffsetDateTime.class);
                    return new TimerView(row.get("timer_id", UUID.class),
                            Boolean.TRUE.equals(row.get("running", Boolean.class)), row.get("project_id", UUID.class),
                            row.get("project_name", String.class), row.get("task_id", UUID.class),
                            row.get("task_name", String.class), row.get("description", String.class),
                            row.get("billable", Boolean.class), row.get("jira_issue_key", String.class),
                            startedAt == null ? null : startedAt.toInstant(), row.get("version", Long.class));
                })
                .one();
    }
}
