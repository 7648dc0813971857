package io.ledgerline.projections.expense;

import io.ledgerline.domain.expense.MerchantMapped;
import io.ledgerline.domain.expense.MerchantUnmapped;
import io.ledgerline.domain.shared.Names;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The organization's merchant mappings; an unmapped merchant keeps its row, marked, until it is mapped again. */
@Component
@ProcessingGroup(ExpenseProjection.GROUP)
public class MerchantMappingProjection {

    private final JdbcTemplate jdbc;

    public MerchantMappingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MerchantMapped event, @SequenceNumber long version, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO merchant_mapping_view (mapping_id, org_id, merchant, merchant_key, project_id,
                            category_id, mapped, updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)
                        ON CONFLICT (mapping_id) DO UPDATE SET merchant = EXCLUDED.merchant,
                            merchant_key = EXCLUDED.merchant_key, project_id = EXCLUDED.project_id,
                            category_id = EXCLUDED.category_id, mapped = TRUE, updated_at = EXCLUDED.updated_at,
                            version = EXCLUDED.version
                        WHERE merchant_mapping_view.version < EXCLUDED.version""",
                event.mappingId(), event.orgId(), event.merchant(), Names.normalize(event.merchant()),
                event.projectId(), event.categoryId(), Timestamp.from(at), version);
    }

    @EventHandler
    void on(MerchantUnmapped event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE merchant_mapping_view SET mapped = FALSE, updated_at = ?, version = ?
                        WHERE mapping_id = ? AND version < ?""",
                Timestamp.from(at), version, event.mappingId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM merchant_mapping_view");
    }
}
