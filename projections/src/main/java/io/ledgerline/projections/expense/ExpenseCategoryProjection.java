package io.ledgerline.projections.expense;

import io.ledgerline.domain.expense.ExpenseCategoryCreated;
import io.ledgerline.domain.expense.ExpenseCategoryDeactivated;
import io.ledgerline.domain.expense.ExpenseCategoryReactivated;
import io.ledgerline.domain.expense.ExpenseCategoryRenamed;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The organization's expense categories, in the expenses' processing group since expense reads join them. */
@Component
@ProcessingGroup(ExpenseProjection.GROUP)
public class ExpenseCategoryProjection {

    private final JdbcTemplate jdbc;

    public ExpenseCategoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ExpenseCategoryCreated event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO expense_category_view (category_id, org_id, name, active, created_at, version)
                        VALUES (?, ?, ?, TRUE, ?, ?)
                        ON CONFLICT (category_id) DO NOTHING""",
                event.categoryId(), event.orgId(), event.name(), Timestamp.from(at), version);
    }

    @EventHandler
    void on(ExpenseCategoryRenamed event, @SequenceNumber long version) {
        jdbc.update("UPDATE expense_category_view SET name = ?, version = ? WHERE category_id = ? AND version < ?",
                event.name(), version, event.categoryId(), version);
    }

    @EventHandler
    void on(ExpenseCategoryDeactivated event, @SequenceNumber long version) {
        setActive(event.categoryId(), false, version);
    }

    @EventHandler
    void on(ExpenseCategoryReactivated event, @SequenceNumber long version) {
        setActive(event.categoryId(), true, version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM expense_category_view");
    }

    private void setActive(UUID categoryId, boolean active, long version) {
        jdbc.update("UPDATE expense_category_view SET active = ?, version = ? WHERE category_id = ? AND version < ?",
                active, version, categoryId, version);
    }
}
