package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A QuickBooks invoice (not one pushed from Ledgerline) as it stood when imported for consolidated reporting;
 * recorded again only when QuickBooks changed it.
 *
 * @param clientId the client linked to the invoice's customer at import; {@code null} when none was
 * @param balance  QuickBooks' open amount, the truth about payments made there
 */
public record QboInvoiceImported(UUID orgId, String realmId, String qboInvoiceId, String docNumber,
                                 String qboCustomerId, UUID clientId, LocalDate txnDate, LocalDate dueDate,
                                 BigDecimal total, BigDecimal balance, String currency, boolean voided,
                                 Instant qboUpdatedAt) implements OrgScoped {
}
