package io.ledgerline.projections.member;

import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.Slice;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class MemberQueries {

    private final DatabaseClient database;

    public MemberQueries(DatabaseClient database) {
        this.database = database;
    }

    public Mono<MemberView> fetch(FetchMember query) {
        return database.sql("SELECT * FROM member_view WHERE org_id = :orgId AND member_id = :memberId")
                .bind("orgId", query.orgId())
                .bind("memberId", query.memberId())
                .map(MemberQueries::map)
                .one();
    }

    /** Keyset-paged by (lower(name), member_id), which the index member_view_org_name serves. */
    public Mono<Slice<MemberView>> find(FindMembers query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM member_view WHERE org_id = :orgId");
        if (query.active() != null) {
            sql.append(" AND active = :active");
        }
        Cursor after = query.window().after();
        if (after != null) {
            sql.append(" AND (lower(name), member_id) > (:afterName, :afterId)");
        }
        sql.append(" ORDER BY lower(name), member_id LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("orgId", query.orgId())
                .bind("limit", query.window().fetchSize());
        if (query.active() != null) {
            spec = spec.bind("active", query.active());
        }
        if (after != null) {
            spec = spec.bind("afterName", after.value(0)).bind("afterId", after.uuid(1));
        }
        return spec.map(MemberQueries::map).all().collectList()
                .map(rows -> Slice.of(rows, query.window(),
                        last -> Cursor.of(last.name().toLowerCase(java.util.Locale.ROOT), last.id().toString())));
    }

    private static MemberView map(Readable row) {
        return new MemberView(row.get("member_id", UUID.class), row.get("email", String.class),
                row.get("name", String.class), row.get("role", String.class).toLowerCase(java.util.Locale.ROOT),
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                Boolean.TRUE.equals(row.get("mfa_enrolled", Boolean.class)),
                row.get("joined_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class));
    }
}
