package io.ledgerline.app.registry;

import io.ledgerline.domain.invoice.BilledWork;
import io.ledgerline.domain.invoice.InvoiceFinalized;
import io.ledgerline.domain.invoice.InvoiceVoided;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's record of billed work. Finalizing claims every entry and expense of the invoice; if another
 * invoice claimed one first, the primary key refuses the whole finalization. Voiding releases the claims.
 */
@Component
@ProcessingGroup(RegistryGroup.NAME)
public class BilledWorkRegistry implements BilledWork {

    static final String TIME = "TIME";
    static final String EXPENSE = "EXPENSE";

    private final JdbcTemplate jdbc;

    BilledWorkRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceFinalized event) {
        List<Object[]> rows = new ArrayList<>();
        event.timeEntryIds().forEach(id -> rows.add(new Object[] {id, event.orgId(), event.invoiceId(), TIME}));
        event.expenseIds().forEach(id -> rows.add(new Object[] {id, event.orgId(), event.invoiceId(), EXPENSE}));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO billed_work (item_id, org_id, invoice_id, kind) VALUES (?, ?, ?, ?)", rows);
        }
    }

    @EventHandler
    void on(InvoiceVoided event) {
        jdbc.update("DELETE FROM billed_work WHERE invoice_id = ?", event.invoiceId());
    }

    @Override
    public Optional<UUID> invoiceOf(UUID orgId, UUID itemId) {
        return jdbc.queryForList("SELECT invoice_id FROM billed_work WHERE org_id = ? AND item_id = ?", UUID.class,
                orgId, itemId).stream().findFirst();
    }
}
