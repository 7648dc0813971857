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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Time entries as the ledger lists them, one row per entry and nothing but the entry's own events in it: its status
 * (from its week and its invoice) and whether its date is locked are joined when read. Writes never read anything
 * back: inserts ignore a row already there, updates only move a row forward in version. New entries, nearly all of
 * a rebuild, are inserted a batch at a time.
 */
@Component
@ProcessingGroup(TimeEntryProjection.GROUP)
public class TimeEntryProjection {

    public static final String GROUP = "time-entries";

    private static final String INSERT = """
            INSERT INTO time_entry_view (entry_id, org_id, member_id, project_id, task_id, client_id, work_date,
                week_start, minutes, start_time, end_time, billable, description, jira_issue_key, source_type,
                source_external_id, unlocked, created_at, updated_at, version)
            VALUES """;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)";
    private static final int ROWS_PER_INSERT = 500;
    private static final String LOGGED_IN_BATCH = TimeEntryProjection.class.getName() + ".loggedInBatch";

    private final JdbcTemplate jdbc;

    public TimeEntryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TimeLogged event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        Timestamp when = Timestamp.from(at);
        Object[] row = {event.entryId(), event.orgId(), event.memberId(), event.projectId(), event.taskId(),
                event.clientId(), Date.valueOf(event.workDate()), Date.valueOf(Weeks.startOf(event.workDate())),
                event.minutes(), time(event.startTime()), time(event.endTime()), event.billable(),
                event.description(), event.jiraIssueKey(), event.source().type().name(), event.source().externalId(),
                when, when, version};
        if (CurrentUnitOfWork.isStarted()) {
            loggedInThisBatch().add(row);
        } else {
            insert(List.<Object[]>of(row));
        }
    }

    @EventHandler
    void on(TimeEntryChanged event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        flushLogged();
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
        flushLogged();
        jdbc.update("""
                        UPDATE time_entry_view SET unlocked = TRUE, updated_at = ?, version = ?
                        WHERE entry_id = ? AND version < ?""",
                Timestamp.from(at), version, event.entryId(), version);
    }

    /** The entry leaves the ledger; the event store keeps its history. */
    @EventHandler
    void on(TimeEntryDeleted event) {
        flushLogged();
        jdbc.update("DELETE FROM time_entry_view WHERE entry_id = ?", event.entryId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE time_entry_view");
    }

    /**
     * The entries logged in the batch being handled, inserted together when the batch commits: in one transaction
     * with the processor's token as before, but one statement for many rows instead of one per event. Should that
     * insert fail, the whole batch fails and is retried, rather than one event going to the dead-letter queue: a
     * logged entry's row has nothing a database could refuse.
     */
    private List<Object[]> loggedInThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(LOGGED_IN_BATCH, key -> {
            List<Object[]> rows = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> flush(rows));
            return rows;
        });
    }

    /** Any other write of an entry must find the entries logged before it in the batch. */
    private void flushLogged() {
        if (CurrentUnitOfWork.isStarted()) {
            List<Object[]> rows = CurrentUnitOfWork.get().root().getResource(LOGGED_IN_BATCH);
            if (rows != null) {
                flush(rows);
            }
        }
    }

    private void flush(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            insert(rows);
            rows.clear();
        }
    }

    /** At most {@link #ROWS_PER_INSERT} rows a statement, far below PostgreSQL's 65,535 parameters. */
    private void insert(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String values = String.join(", ", Collections.nCopies(chunk.size(), ROW));
            Object[] arguments = chunk.stream().flatMap(Arrays::stream).toArray();
            jdbc.update(INSERT + values + " ON CONFLICT (entry_id) DO NOTHING", arguments);
        }
    }

    private static Time time(LocalTime time) {
        return time == null ? null : Time.valueOf(time);
    }
}
