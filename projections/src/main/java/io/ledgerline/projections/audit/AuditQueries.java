package io.ledgerline.projections.audit;

import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.InvalidCursor;
import io.ledgerline.projections.shared.Slice;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the event store itself, not a read model: the log is the audit trail. Axon stores payload and metadata
 * as JSON text in {@code bytea} columns; PostgreSQL decodes them so that only the rows and fields asked for leave
 * the database.
 */
@Component
public class AuditQueries {

    /*
     * The unique (aggregateidentifier, sequencenumber) index drives this query: an equality on the first column and
     * a range on the second, in index order, so the LIMIT stops the scan. The type and orgId conditions only filter
     * the few rows of that one aggregate.
     */
    private static final String HISTORY = """
            SELECT sequencenumber, payloadtype, timestamp,
                   convert_from(metadata, 'UTF8')::jsonb ->> 'actor' AS actor,
                   convert_from(metadata, 'UTF8')::jsonb ->> 'requestId' AS request_id,
                   convert_from(payload, 'UTF8') AS payload
            FROM domainevententry
            WHERE aggregateidentifier = :aggregateId
              AND sequencenumber > :afterSequence
              AND type = :aggregateType
              AND convert_from(payload, 'UTF8')::jsonb ->> 'orgId' = :orgId
            ORDER BY sequencenumber
            LIMIT :limit""";

    private final DatabaseClient database;

    public AuditQueries(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Slice<RecordedEvent>> history(FetchEventHistory query) {
        Cursor after = query.window().after();
        return database.sql(HISTORY)
                .bind("aggregateId", query.aggregateId())
                .bind("afterSequence", after == null ? -1L : sequenceOf(after))
                .bind("aggregateType", query.aggregateType())
                .bind("orgId", query.orgId().toString())
                .bind("limit", query.window().fetchSize())
                .map(AuditQueries::map)
                .all()
                .collectList()
                .map(rows -> Slice.of(rows, query.window(), last -> Cursor.of(Long.toString(last.sequence()))));
    }

    private static long sequenceOf(Cursor cursor) {
        try {
            return Long.parseLong(cursor.value(0));
        } catch (NumberFormatException e) {
            throw new InvalidCursor();
        }
    }

    private static RecordedEvent map(Readable row) {
        String payloadType = row.get("payloadtype", String.class);
        return new RecordedEvent(row.get("sequencenumber", Long.class), simpleName(payloadType),
                Instant.parse(row.get("timestamp", String.class)), row.get("actor", String.class),
                row.get("request_id", String.class), row.get("payload", String.class));
    }

    /** {@code io.ledgerline.domain.member.MemberAdded} → {@code MemberAdded}: the class's package is no API. */
    private static String simpleName(String payloadType) {
        String name = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
