package io.ledgerline.app.registry;

import io.ledgerline.domain.invoice.InvoiceNumbers;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organization's invoice numbers, taken inside the finalizing command's transaction. The upsert locks the
 * organization's row until that transaction ends, so a second finalization waits for the first to commit (and then
 * takes the following number) or to roll back (and then takes the same number): no two invoices share a number
 * and no number is skipped.
 */
@Component
public class InvoiceNumberSequence implements InvoiceNumbers {

    private final JdbcTemplate jdbc;

    InvoiceNumberSequence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long next(UUID orgId) {
        Long number = jdbc.queryForObject("""
                INSERT INTO invoice_number_sequence (org_id, last_number) VALUES (?, 1)
                ON CONFLICT (org_id) DO UPDATE SET last_number = invoice_number_sequence.last_number + 1
                RETURNING last_number""", Long.class, orgId);
        if (number == null) {
            throw new IllegalStateException("The invoice number sequence returned no number for " + orgId);
        }
        return number;
    }
}
