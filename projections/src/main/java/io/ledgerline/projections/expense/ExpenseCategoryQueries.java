package io.ledgerline.projections.expense;

import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.Slice;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class ExpenseCategoryQueries {

    private final DatabaseClient database;

    public ExpenseCategoryQueries(DatabaseClient database) {
        this.database = database;
    }

    public Mono<ExpenseCategoryView> fetch(UUID orgId, UUID categoryId) {
        return database.sql("SELECT * FROM expense_category_view WHERE org_id = :orgId AND category_id = :categoryId")
                .bind("orgId", orgId)
                .bind("categoryId", categoryId)
                .map(ExpenseCategoryQueries::category)
                .one();
    }

    /** Keyset-paged by (lower(name), category_id), which the index expense_category_view_org_name serves. */
    public Mono<Slice<ExpenseCategoryView>> find(FindExpenseCategories query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM expense_category_view WHERE org_id = :orgId");
        if (query.active() != null) {
            sql.append(" AND active = :active");
        }
        Cursor after = query.window().after();
        if (after != null) {
            sql.append(" AND (lower(name), category_id) > (:afterName, :afterId)");
        }
        sql.append(" ORDER BY lower(name), category_id LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("orgId", query.orgId())
                .bind("limit", query.window().fetchSize());
        if (query.active() != null) {
            spec = spec.bind("active", query.active());
        }
        if (after != null) {
            spec = spec.bind("afterName", after.value(0)).bind("afterId", after.uuid(1));
        }
        return spec.map(ExpenseCategoryQueries::category).all().collectList()
                .map(rows -> Slice.of(rows, query.window(),
                        last -> Cursor.of(last.name().toLowerCase(Locale.ROOT), last.id().toString())));
    }

    private static ExpenseCategoryView category(Readable row) {
        return new ExpenseCategoryView(row.get("category_id", UUID.class), row.get("name", String.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class));
    }
}
