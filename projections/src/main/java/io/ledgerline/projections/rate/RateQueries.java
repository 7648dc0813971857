package io.ledgerline.projections.rate;

import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.InvalidCursor;
import io.ledgerline.projections.shared.Slice;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class RateQueries {

    /** How rate_view spells "since always" in its key. */
    private static final String SINCE_ALWAYS = "-infinity";

    private final DatabaseClient database;

    public RateQueries(DatabaseClient database) {
        this.database = database;
    }

    /**
     * The rate that applies to work of a member on a task of a project of a client on a date (see
     * {@code ledger_rate} in V10); empty when no level has a rate. Any target may be null: its level is skipped.
     */
    public Mono<AppliedRate> resolve(UUID orgId, UUID memberId, UUID clientId, UUID projectId, UUID taskId,
                                     LocalDate date) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        SELECT hourly_rate, source, effective_from
                        FROM ledger_rate(:orgId, :memberId, :clientId, :projectId, :taskId, :date)""")
                .bind("orgId", orgId)
                .bind("date", date);
        spec = bindTarget(spec, "memberId", memberId);
        spec = bindTarget(spec, "clientId", clientId);
        spec = bindTarget(spec, "projectId", projectId);
        spec = bindTarget(spec, "taskId", taskId);
        return spec.map(row -> new AppliedRate(row.get("hourly_rate", BigDecimal.class),
                        row.get("source", String.class), row.get("effective_from", LocalDate.class)))
                .one();
    }

    /** Keyset-paged in the order of the index rate_view_schedule: level, target, latest date first, origin. */
    public Mono<Slice<ScheduledRate>> find(FindRates query) {
        StringBuilder sql = new StringBuilder("""
                SELECT level, target_id, effective_from::text AS from_key,
                    NULLIF(effective_from, '-infinity'::date) AS applies_from, origin, hourly_rate, version
                FROM rate_view WHERE org_id = :orgId""");
        if (query.level() != null) {
            sql.append(" AND level = :level");
        }
        if (query.targetId() != null) {
            sql.append(" AND target_id = :targetId");
        }
        Cursor after = query.window().after();
        if (after != null) {
            sql.append(" AND ((level, target_id) > (:afterLevel, :afterTarget)")
                    .append(" OR ((level, target_id) = (:afterLevel, :afterTarget)")
                    .append(" AND (effective_from < CAST(:afterFrom AS date)")
                    .append(" OR (effective_from = CAST(:afterFrom AS date) AND origin > :afterOrigin))))");
        }
        sql.append(" ORDER BY level, target_id, effective_from DESC, origin LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("orgId", query.orgId())
                .bind("limit", query.window().fetchSize());
        if (query.level() != null) {
            spec = spec.bind("level", query.level().source());
        }
        if (query.targetId() != null) {
            spec = spec.bind("targetId", query.targetId());
        }
        if (after != null) {
            spec = spec.bind("afterLevel", after.value(0)).bind("afterTarget", after.uuid(1))
                    .bind("afterFrom", validDate(after.value(2))).bind("afterOrigin", after.value(3));
        }
        return spec.map(row -> new Row(scheduled(row, query.orgId()), row.get("target_id", UUID.class),
                        row.get("from_key", String.class)))
                .all()
                .collectList()
                .map(rows -> Slice.of(rows, query.window(), last -> Cursor.of(last.rate().level(),
                        last.targetKey().toString(), last.fromKey(), last.rate().origin())))
                .map(slice -> new Slice<>(slice.items().stream().map(Row::rate).toList(), slice.next()));
    }

    /** A schedule point with its key as stored, which the next page's cursor is made of. */
    private record Row(ScheduledRate rate, UUID targetKey, String fromKey) {
    }

    private static ScheduledRate scheduled(Readable row, UUID orgId) {
        String level = row.get("level", String.class);
        UUID target = row.get("target_id", UUID.class);
        return new ScheduledRate(level, target.equals(orgId) && "organization".equals(level) ? null : target,
                row.get("applies_from", LocalDate.class), row.get("hourly_rate", BigDecimal.class),
                row.get("origin", String.class), row.get("version", Long.class));
    }

    /** A cursor's date goes into SQL as text: only a date or "since always" may pass. */
    private static String validDate(String value) {
        if (!SINCE_ALWAYS.equals(value)) {
            try {
                LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidCursor();
            }
        }
        return value;
    }

    private static DatabaseClient.GenericExecuteSpec bindTarget(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                UUID value) {
        return value == null ? spec.bindNull(name, UUID.class) : spec.bind(name, value);
    }
}
