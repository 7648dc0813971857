package io.ledgerline.projections.time;

import io.ledgerline.domain.time.TimesheetApproved;
import io.ledgerline.domain.time.TimesheetRejected;
import io.ledgerline.domain.time.TimesheetStatus;
import io.ledgerline.domain.time.TimesheetSubmitted;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Weeks that were submitted, with their approval decision; part of the time ledger's read model. */
@Component
@ProcessingGroup(TimeEntryProjection.GROUP)
public class TimesheetProjection {

    private final JdbcTemplate jdbc;

    public TimesheetProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A week submitted again after a rejection starts over: the last decision is in its history. */
    @EventHandler
    void on(TimesheetSubmitted event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO timesheet_view (org_id, member_id, week_start, timesheet_id, status, submitted_at,
                            submitted_by, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (org_id, member_id, week_start) DO UPDATE SET status = EXCLUDED.status,
                            submitted_at = EXCLUDED.submitted_at, submitted_by = EXCLUDED.submitted_by,
                            decided_at = NULL, decided_by = NULL, rejection_reason = NULL, version = EXCLUDED.version
                        WHERE timesheet_view.version < EXCLUDED.version""",
                event.orgId(), event.memberId(), Date.valueOf(event.weekStart()), event.timesheetId(),
                TimesheetStatus.SUBMITTED.name(), Timestamp.from(at), event.submittedBy(), version);
    }

    @EventHandler
    void on(TimesheetApproved event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE timesheet_view SET status = ?, decided_at = ?, decided_by = ?, version = ?
                        WHERE org_id = ? AND member_id = ? AND week_start = ? AND version < ?""",
                TimesheetStatus.APPROVED.name(), Timestamp.from(at), event.approvedBy(), version, event.orgId(),
                event.memberId(), Date.valueOf(event.weekStart()), version);
    }

    @EventHandler
    void on(TimesheetRejected event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE timesheet_view SET status = ?, decided_at = ?, decided_by = ?, rejection_reason = ?,
                            version = ?
                        WHERE org_id = ? AND member_id = ? AND week_start = ? AND version < ?""",
                TimesheetStatus.REJECTED.name(), Timestamp.from(at), event.rejectedBy(), event.reason(), version,
                event.orgId(), event.memberId(), Date.valueOf(event.weekStart()), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE timesheet_view");
    }
}
