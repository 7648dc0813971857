package io.ledgerline.projections.time;

import io.ledgerline.domain.time.TimerDiscarded;
import io.ledgerline.domain.time.TimerStarted;
import io.ledgerline.domain.time.TimerStopped;
import java.sql.Timestamp;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each member's timer: what it runs for and since when, or that it is stopped. */
@Component
@ProcessingGroup(TimeEntryProjection.GROUP)
public class TimerProjection {

    private final JdbcTemplate jdbc;

    public TimerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TimerStarted event, @SequenceNumber long version) {
        jdbc.update("""
                        INSERT INTO timer_view (member_id, org_id, timer_id, running, project_id, task_id, description,
                            billable, jira_issue_key, started_at, version)
                        VALUES (?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (member_id) DO UPDATE SET running = TRUE, project_id = EXCLUDED.project_id,
                            task_id = EXCLUDED.task_id, description = EXCLUDED.description,
                            billable = EXCLUDED.billable, jira_issue_key = EXCLUDED.jira_issue_key,
                            started_at = EXCLUDED.started_at, version = EXCLUDED.version
                        WHERE timer_view.version < EXCLUDED.version""",
                event.memberId(), event.orgId(), event.timerId(), event.projectId(), event.taskId(),
                event.description(), event.billable(), event.jiraIssueKey(), Timestamp.from(event.startedAt()),
                version);
    }

    @EventHandler
    void on(TimerStopped event, @SequenceNumber long version) {
        stop(event.memberId(), version);
    }

    @EventHandler
    void on(TimerDiscarded event, @SequenceNumber long version) {
        stop(event.memberId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE timer_view");
    }

    private void stop(UUID memberId, long version) {
        jdbc.update("""
                        UPDATE timer_view SET running = FALSE, project_id = NULL, task_id = NULL, description = NULL,
                            billable = NULL, jira_issue_key = NULL, started_at = NULL, version = ?
                        WHERE member_id = ? AND version < ?""",
                version, memberId, version);
    }
}
