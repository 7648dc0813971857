package io.ledgerline.projections.time;

import io.ledgerline.domain.time.TimeEntryChanged;
import io.ledgerline.domain.time.TimeEntryDeleted;
import io.ledgerline.domain.time.TimeEntryUnlocked;
import io.ledgerline.domain.time.TimeLogged;
import io.ledgerline.domain.time.Weeks;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Time entries as the ledger lists them, one row per entry and nothing but the entry's own events in it: its status
 * (from its week and its invoice) and whether its date is locked are joined when read. Each event is one plain
 * statement, an insert that ignores a row already there or an update that only moves a row forward in version, so
 * a rebuild streams through without reading anything back.
 */
@Component
@ProcessingGroup(TimeEntryProjection.GROUP)
public class TimeEntryProjection {

    public static final String GROUP = "time-entries";

    private final JdbcTemplate jdbc;

    public TimeEntryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TimeLogged event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        Timestamp when = Timestamp.from(at);
        jdbc.update("""
                        INSERT INTO time_entry_view (entry_id, org_id, member_id, project_id, task_id, client_id,
                            work_date, week_start, minutes, start_time, end_time, billable, description, jira_issue_key,
                            source_type, source_external_id, unlocked, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)
                        ON CONFLICT (entry_id) DO NOTHING""",
                event.entryId(), event.orgId(), event.memberId(), event.projectId(), event.taskId(), event.clientId(),
                Date.valueOf(event.workDate()), Date.valueOf(Weeks.startOf(event.workDate())), event.minutes(),
                time(event.startTime()), time(event.endTime()), event.billable(), event.description(),
                event.jiraIssueKey(), event.source().type().name(), event.source().externalId(), when, when, version);
    }

    @EventHandler
    void on(TimeEntryChanged event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE time_entry_view SET project_id = ?, task_id = ?, client_id = ?, work_date = ?,
                            week_start = ?, minutes = ?, start_time = ?, end_time = ?, billable = ?, description = ?,
                            jira_issue_key = ?, unlocked = FALSE, updated_at = ?, version = ?
                        WHERE entry_id = ? AND version < ?""",
                event.projectId(), event.taskId(), event.clientId(), Date.valueOf(event.workDate()),
                Date.valueOf(Weeks.startOf(event.workDate())), event.minutes(), time(event.startTime()),
                time(event.endTime()), event.billable(), event.description(), event.jiraIssueKey(),
                Timestamp.from(at), version, event.entryId(), version);
    }

    @EventHandler
    void on(TimeEntryUnlocked event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE time_entry_view SET unlocked = TRUE, updated_at = ?, version = ?
                        WHERE entry_id = ? AND version < ?""",
                Timestamp.from(at), version, event.entryId(), version);
    }

    /** The entry leaves the ledger; the event store keeps its history. */
    @EventHandler
    void on(TimeEntryDeleted event) {
        jdbc.update("DELETE FROM time_entry_view WHERE entry_id = ?", event.entryId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE time_entry_view");
    }

    private static Time time(LocalTime time) {
        return time == null ? null : Time.valueOf(time);
    }
}
