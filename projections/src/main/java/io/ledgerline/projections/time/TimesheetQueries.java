package io.ledgerline.projections.time;

import io.ledgerline.domain.time.TimesheetStatus;
import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.InvalidCursor;
import io.ledgerline.projections.shared.Slice;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Weeks with their totals, summed when read from the member's entries of the week (index time_entry_view_member). */
@Component
public class TimesheetQueries {

    private static final String TOTALS = """
            CROSS JOIN LATERAL (
                SELECT coalesce(sum(e.minutes) FILTER (WHERE e.billable), 0) AS billable_minutes,
                       coalesce(sum(e.minutes) FILTER (WHERE NOT e.billable), 0) AS non_billable_minutes,
                       count(e.entry_id) AS entries
                FROM time_entry_view e
                WHERE e.org_id = :orgId AND e.member_id = w.member_id
                  AND e.work_date BETWEEN w.week_start AND w.week_start + 6) s
            """;

    private final DatabaseClient database;

    public TimesheetQueries(DatabaseClient database) {
        this.database = database;
    }

    /** The week, submitted or not; empty only when the organization has no such member. */
    public Mono<TimesheetView> fetch(FetchTimesheet query) {
        return database.sql("""
                        SELECT w.member_id, w.week_start, m.name AS member_name, ts.timesheet_id, ts.status,
                               ts.submitted_at, ts.submitted_by, ts.decided_at, ts.decided_by, ts.rejection_reason,
                               ts.version, s.*
                        FROM member_view m
                        CROSS JOIN (SELECT CAST(:memberId AS uuid) AS member_id,
                                           CAST(:weekStart AS date) AS week_start) w
                        LEFT JOIN timesheet_view ts
                               ON ts.org_id = :orgId AND ts.member_id = w.member_id AND ts.week_start = w.week_start
                        """ + TOTALS + " WHERE m.org_id = :orgId AND m.member_id = w.member_id")
                .bind("orgId", query.orgId())
                .bind("memberId", query.memberId())
                .bind("weekStart", query.weekStart())
                .map(TimesheetQueries::week)
                .one();
    }

    /** Newest week first, then by member; keyset-paged by (week_start, member_id). */
    public Mono<Slice<TimesheetView>> find(FindTimesheets query) {
        StringBuilder sql = new StringBuilder("""
                SELECT w.member_id, w.week_start, m.name AS member_name, w.timesheet_id, w.status, w.submitted_at,
                       w.submitted_by, w.decided_at, w.decided_by, w.rejection_reason, w.version, s.*
                FROM timesheet_view w
                LEFT JOIN member_view m ON m.member_id = w.member_id
                """).append(TOTALS).append(" WHERE w.org_id = :orgId");
        if (query.status() != null) {
            sql.append(" AND w.status = :status");
        }
        if (query.memberId() != null) {
            sql.append(" AND w.member_id = :memberId");
        }
        if (query.from() != null) {
            sql.append(" AND w.week_start >= :from");
        }
        if (query.to() != null) {
            sql.append(" AND w.week_start <= :to");
        }
        Cursor after = query.window().after();
        if (after != null) {
            sql.append(" AND (w.week_start, w.member_id) < (:afterWeek, :afterMember)");
        }
        sql.append(" ORDER BY w.week_start DESC, w.member_id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("orgId", query.orgId())
                .bind("limit", query.window().fetchSize());
        if (query.status() != null) {
            spec = spec.bind("status", query.status().name());
        }
        if (query.memberId() != null) {
            spec = spec.bind("memberId", query.memberId());
        }
        if (query.from() != null) {
            spec = spec.bind("from", query.from());
        }
        if (query.to() != null) {
            spec = spec.bind("to", query.to());
        }
        if (after != null) {
            spec = spec.bind("afterWeek", weekOf(after)).bind("afterMember", after.uuid(1));
        }
        return spec.map(TimesheetQueries::week).all().collectList()
                .map(rows -> Slice.of(rows, query.window(),
                        last -> Cursor.of(last.weekStart().toString(), last.memberId().toString())));
    }

    private static LocalDate weekOf(Cursor cursor) {
        try {
            return LocalDate.parse(cursor.value(0));
        } catch (DateTimeParseException e) {
            throw new InvalidCursor();
        }
    }

    private static TimesheetView week(Readable row) {
        LocalDate weekStart = row.get("week_start", LocalDate.class);
        String status = row.get("status", String.class);
        return new TimesheetView(row.get("timesheet_id", UUID.class), row.get("member_id", UUID.class),
                row.get("member_name", String.class), weekStart, weekStart.plusDays(6),
                status == null ? TimesheetStatus.OPEN : TimesheetStatus.valueOf(status),
                instant(row.get("submitted_at", OffsetDateTime.class)), row.get("submitted_by", UUID.class),
                instant(row.get("decided_at", OffsetDateTime.class)), row.get("decided_by", UUID.class),
                row.get("rejection_reason", String.class), row.get("billable_minutes", Long.class).intValue(),
                row.get("non_billable_minutes", Long.class).intValue(), row.get("entries", Long.class).intValue(),
                row.get("version", Long.class));
    }

    private static java.time.Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
