package io.ledgerline.app.registry;

import io.ledgerline.domain.expense.ExpenseDeleted;
import io.ledgerline.domain.expense.ReceiptRemoved;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where receipt files are kept: beside their expense, never in the event store. A file is stored by the API in the
 * transaction that records {@code ReceiptAttached}, and goes in the transaction that removes the receipt or deletes
 * the expense, so the table and the log always agree.
 */
@Component
@ProcessingGroup(RegistryGroup.NAME)
public class ExpenseReceipts {

    private final JdbcTemplate jdbc;

    ExpenseReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the file as the receipt of the organization's expense, replacing any earlier one. Blocking; meant to run
     * in the transaction that also sends the command attaching it.
     *
     * @return {@code false} when the organization has no such expense, and nothing was stored
     */
    public boolean store(UUID orgId, UUID expenseId, String contentType, String filename, String sha256,
                         byte[] content) {
        return jdbc.update("""
                        INSERT INTO expense_receipt (expense_id, org_id, content_type, size_bytes, sha256, filename,
                            content, stored_at)
                        SELECT ?, ?, ?, ?, ?, ?, ?, now()
                        WHERE EXISTS (SELECT 1 FROM expense_registry WHERE expense_id = ? AND org_id = ?)
                        ON CONFLICT (expense_id) DO UPDATE SET content_type = EXCLUDED.content_type,
                            size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256, filename = EXCLUDED.filename,
                            content = EXCLUDED.content, stored_at = EXCLUDED.stored_at""",
                expenseId, orgId, contentType, content.length, sha256, filename, content, expenseId, orgId) > 0;
    }

    @EventHandler
    void on(ReceiptRemoved event) {
        jdbc.update("DELETE FROM expense_receipt WHERE expense_id = ?", event.expenseId());
    }

    @EventHandler
    void on(ExpenseDeleted event) {
        jdbc.update("DELETE FROM expense_receipt WHERE expense_id = ?", event.expenseId());
    }
}
