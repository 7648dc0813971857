package io.ledgerline.projections.expense;

import io.ledgerline.domain.expense.MerchantMapping;
import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.Slice;
import io.ledgerline.projections.shared.Window;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads merchant mappings; an unmapped merchant reads as not found. */
@Component
public class MerchantMappingQueries {

    private static final String SELECT = """
            SELECT m.*, p.name AS project_name, c.name AS category_name
            FROM merchant_mapping_view m
            LEFT JOIN project_view p ON p.project_id = m.project_id AND p.org_id = m.org_id
            LEFT JOIN expense_category_view c ON c.category_id = m.category_id
            WHERE m.org_id = :orgId AND m.mapped""";

    private final DatabaseClient database;

    public MerchantMappingQueries(DatabaseClient database) {
        this.database = database;
    }

    public Mono<MerchantMappingView> fetch(UUID orgId, UUID mappingId) {
        return database.sql(SELECT + " AND m.mapping_id = :mappingId")
                .bind("orgId", orgId)
                .bind("mappingId", mappingId)
                .map(MerchantMappingQueries::mapping)
                .one();
    }

    /** The mapping a new expense at this merchant would take its defaults from, however the merchant is spelled. */
    public Mono<MerchantMappingView> match(UUID orgId, String merchant) {
        return fetch(orgId, MerchantMapping.idFor(orgId, merchant));
    }

    /** By merchant, keyset-paged by (merchant_key, mapping_id), which merchant_mapping_view_org_merchant serves. */
    public Mono<Slice<MerchantMappingView>> find(UUID orgId, Window window) {
        Cursor after = window.after();
        String sql = SELECT + (after == null ? "" : " AND (m.merchant_key, m.mapping_id) > (:afterKey, :afterId)")
                + " ORDER BY m.merchant_key, m.mapping_id LIMIT :limit";
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql)
                .bind("orgId", orgId)
                .bind("limit", window.fetchSize());
        if (after != null) {
            spec = spec.bind("afterKey", after.value(0)).bind("afterId", after.uuid(1));
        }
        return spec.map(row -> new Keyed(row.get("merchant_key", String.class), mapping(row))).all().collectList()
                .map(rows -> Slice.of(rows, window, last -> Cursor.of(last.key(), last.view().id().toString())))
                .map(slice -> new Slice<>(slice.items().stream().map(Keyed::view).toList(), slice.next()));
    }

    /** A row with the exact sort key it was read with, so the next page starts precisely after it. */
    private record Keyed(String key, MerchantMappingView view) {
    }

    private static MerchantMappingView mapping(Readable row) {
        return new MerchantMappingView(row.get("mapping_id", UUID.class), row.get("merchant", String.class),
                row.get("project_id", UUID.class), row.get("project_name", String.class),
                row.get("category_id", UUID.class), row.get("category_name", String.class),
                row.get("updated_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class));
    }
}
