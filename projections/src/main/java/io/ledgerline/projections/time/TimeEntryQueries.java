package io.ledgerline.projections.time;

import io.ledgerline.domain.time.EntrySource;
import io.ledgerline.domain.time.SourceType;
import io.ledgerline.projections.invoice.BillableTime;
import io.ledgerline.projections.invoice.UnbilledWork;
import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.InvalidCursor;
import io.ledgerline.projections.shared.Slice;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the time ledger. An entry's status and lock are combined here from the rows of its week, its invoice and
 * its organization, never stored with the entry: those are other aggregates' facts, and joining them when read is
 * what keeps the read model the same however a rebuild interleaves them.
 */
@Component
public class TimeEntryQueries implements UnbilledWork.Time {

    private static final String ENTRIES = """
            SELECT e.*, m.name AS member_name, p.name AS project_name, t.name AS task_name, c.name AS client_name,
                   ts.status AS week_status, inv.invoice_id, o.ledger_locked_through
            FROM time_entry_view e
            LEFT JOIN member_view m ON m.member_id = e.member_id
            LEFT JOIN project_view p ON p.project_id = e.project_id
            LEFT JOIN task_view t ON t.task_id = e.task_id
            LEFT JOIN client_view c ON c.client_id = e.client_id
            LEFT JOIN timesheet_view ts
                   ON ts.org_id = e.org_id AND ts.member_id = e.member_id AND ts.week_start = e.week_start
            LEFT JOIN LATERAL (SELECT i.invoice_id FROM time_entry_invoice_view i WHERE i.entry_id = e.entry_id
                               ORDER BY i.invoice_id LIMIT 1) inv ON TRUE
            LEFT JOIN organization_view o ON o.org_id = e.org_id
            """;

    private static final String INVOICED =
            "EXISTS (SELECT 1 FROM time_entry_invoice_view i WHERE i.entry_id = e.entry_id)";

    private final DatabaseClient database;

    public TimeEntryQueries(DatabaseClient database) {
        this.database = database;
    }

    public Mono<TimeEntryView> fetch(FetchTimeEntry query) {
        Mono<TimeEntryView> entry = database.sql(ENTRIES + " WHERE e.org_id = :orgId AND e.entry_id = :entryId")
                .bind("orgId", query.orgId())
                .bind("entryId", query.entryId())
                .map(TimeEntryQueries::entry)
                .one();
        return query.withRate() ? entry.flatMap(found -> withRate(query.orgId(), found)) : entry;
    }

    /** The rate that applies to the entry on its date, from the rate schedule (ledger_rate, migration V10). */
    private Mono<TimeEntryView> withRate(UUID orgId, TimeEntryView entry) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        SELECT hourly_rate, source, effective_from
                        FROM ledger_rate(:orgId, :memberId, :clientId, :projectId, :taskId, :date)""")
                .bind("orgId", orgId)
                .bind("memberId", entry.memberId())
                .bind("clientId", entry.clientId())
                .bind("projectId", entry.projectId())
                .bind("date", entry.date());
        spec = entry.taskId() == null ? spec.bindNull("taskId", UUID.class) : spec.bind("taskId", entry.taskId());
        return spec.map(row -> entry.withRate(row.get("hourly_rate", BigDecimal.class),
                        row.get("source", String.class), row.get("effective_from", LocalDate.class)))
                .one()
                .defaultIfEmpty(entry);
    }

    /** Newest date first, keyset-paged by (work_date, entry_id), each filter served by one of the view's indexes. */
    public Mono<Slice<TimeEntryView>> find(FindTimeEntries query) {
        StringBuilder sql = new StringBuilder(ENTRIES).append(" WHERE e.org_id = :orgId");
        if (query.from() != null) {
            sql.append(" AND e.work_date >= :from");
        }
        if (query.to() != null) {
            sql.append(" AND e.work_date <= :to");
        }
        if (query.memberId() != null) {
            sql.append(" AND e.member_id = :memberId");
        }
        if (query.projectId() != null) {
            sql.append(" AND e.project_id = :projectId");
        }
        if (query.clientId() != null) {
            sql.append(" AND e.client_id = :clientId");
        }
        if (query.billable() != null) {
            sql.append(" AND e.billable = :billable");
        }
        if (query.status() != null) {
            sql.append(switch (query.status()) {
                case INVOICED -> " AND " + INVOICED;
                case APPROVED -> " AND ts.status = 'APPROVED' AND NOT " + INVOICED;
                case SUBMITTED -> " AND ts.status = 'SUBMITTED' AND NOT " + INVOICED;
                case OPEN -> " AND (ts.status IS NULL OR ts.status = 'REJECTED') AND NOT " + INVOICED;
            });
        }
        Cursor after = query.window().after();
        if (after != null) {
            sql.append(" AND (e.work_date, e.entry_id) < (:afterDate, :afterId)");
        }
        sql.append(" ORDER BY e.work_date DESC, e.entry_id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("orgId", query.orgId())
                .bind("limit", query.window().fetchSize());
        if (query.from() != null) {
            spec = spec.bind("from", query.from());
        }
        if (query.to() != null) {
            spec = spec.bind("to", query.to());
        }
        if (query.memberId() != null) {
            spec = spec.bind("memberId", query.memberId());
        }
        if (query.projectId() != null) {
            spec = spec.bind("projectId", query.projectId());
        }
        if (query.clientId() != null) {
            spec = spec.bind("clientId", query.clientId());
        }
        if (query.billable() != null) {
            spec = spec.bind("billable", query.billable());
        }
        if (after != null) {
            spec = spec.bind("afterDate", dateOf(after)).bind("afterId", after.uuid(1));
        }
        return spec.map(TimeEntryQueries::entry).all().collectList()
                .map(rows -> Slice.of(rows, query.window(),
                        last -> Cursor.of(last.date().toString(), last.id().toString())));
    }

    /** A member's days in order: by date, then start time (entries without one last), then when they were logged. */
    public Flux<TimeEntryView> ledger(FetchLedger query) {
        return database.sql(ENTRIES + """
                         WHERE e.org_id = :orgId AND e.member_id = :memberId AND e.work_date BETWEEN :from AND :to
                        ORDER BY e.work_date, e.start_time NULLS LAST, e.created_at, e.entry_id""")
                .bind("orgId", query.orgId())
                .bind("memberId", query.memberId())
                .bind("from", query.from())
                .bind("to", query.to())
                .map(TimeEntryQueries::entry)
                .all();
    }

    /**
     * Approved (their week is approved), billable entries of the client dated in the period that no finalized
     * invoice bills, by date, then member, each with the hourly rate that applies to it on its date. The rate is
     * resolved per entry: a plan that resolves it once per member, work and day and joins back looks cheaper but is
     * at the mercy of the row estimates, which the week join makes far too low; per entry stays linear.
     */
    @Override
    public Flux<BillableTime> unbilledTime(UnbilledWork.Scope scope) {
        boolean someProjects = scope.projectIds() != null && !scope.projectIds().isEmpty();
        String sql = """
                SELECT e.entry_id, e.member_id, m.name AS member_name, e.project_id, p.name AS project_name,
                       e.task_id, t.name AS task_name, e.work_date, e.minutes, e.description, r.hourly_rate, r.source
                FROM time_entry_view e
                JOIN timesheet_view ts ON ts.org_id = e.org_id AND ts.member_id = e.member_id
                                      AND ts.week_start = e.week_start AND ts.status = 'APPROVED'
                LEFT JOIN LATERAL ledger_rate(e.org_id, e.member_id, e.client_id, e.project_id, e.task_id,
                                              e.work_date) r ON TRUE
                LEFT JOIN member_view m ON m.member_id = e.member_id
                LEFT JOIN project_view p ON p.project_id = e.project_id
                LEFT JOIN task_view t ON t.task_id = e.task_id
                WHERE e.org_id = :orgId AND e.client_id = :clientId AND e.work_date BETWEEN :from AND :to
                  AND e.billable AND NOT""" + " " + INVOICED
                + (someProjects ? " AND e.project_id = ANY(:projectIds)" : "")
                + " ORDER BY e.work_date, e.member_id, e.entry_id";
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql)
                .bind("orgId", scope.orgId())
                .bind("clientId", scope.clientId())
                .bind("from", scope.from())
                .bind("to", scope.to());
        if (someProjects) {
            spec = spec.bind("projectIds", scope.projectIds().toArray(new UUID[0]));
        }
        return spec.map(row -> new BillableTime(row.get("entry_id", UUID.class), row.get("member_id", UUID.class),
                        row.get("member_name", String.class), row.get("project_id", UUID.class),
                        row.get("project_name", String.class), row.get("task_id", UUID.class),
                        row.get("task_name", String.class), row.get("work_date", LocalDate.class),
                        row.get("minutes", Integer.class), row.get("description", String.class),
                        row.get("hourly_rate", BigDecimal.class), row.get("source", String.class)))
                .all();
    }

    private static LocalDate dateOf(Cursor cursor) {
        try {
            return LocalDate.parse(cursor.value(0));
        } catch (DateTimeParseException e) {
            throw new InvalidCursor();
        }
    }

    private static TimeEntryView entry(Readable row) {
        LocalDate date = row.get("work_date", LocalDate.class);
        UUID invoiceId = row.get("invoice_id", UUID.class);
        EntryStatus status = EntryStatus.of(invoiceId != null, row.get("week_status", String.class));
        LocalDate lockedThrough = row.get("ledger_locked_through", LocalDate.class);
        boolean unlocked = Boolean.TRUE.equals(row.get("unlocked", Boolean.class));
        boolean locked = !unlocked
                && (status != EntryStatus.OPEN || lockedThrough != null && !date.isAfter(lockedThrough));
        return new TimeEntryView(row.get("entry_id", UUID.class), row.get("member_id", UUID.class),
                row.get("member_name", String.class), row.get("project_id", UUID.class),
                row.get("project_name", String.class), row.get("task_id", UUID.class),
                row.get("task_name", String.class), row.get("client_id", UUID.class),
                row.get("client_name", String.class), date, row.get("week_start", LocalDate.class),
                row.get("minutes", Integer.class), row.get("start_time", LocalTime.class),
                row.get("end_time", LocalTime.class), Boolean.TRUE.equals(row.get("billable", Boolean.class)),
                row.get("description", String.class), row.get("jira_issue_key", String.class),
                new EntrySource(SourceType.valueOf(row.get("source_type", String.class)),
                        row.get("source_external_id", String.class)),
                status, locked, unlocked, invoiceId, null, null, null,
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class));
    }
}
