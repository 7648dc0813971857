package io.ledgerline.domain.qbo;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Bring a QuickBooks invoice into Ledgerline's reporting as QuickBooks has it now. Answers whether anything was new.
 *
 * @param clientId the client linked to the invoice's customer; {@code null} when none is
 * @param balance  QuickBooks' open amount: payments and credits made there are in it
 * @param voided   voided in QuickBooks
 */
public record ImportQboInvoice(UUID orgId, String realmId, String qboInvoiceId, String docNumber,
                               String qboCustomerId, UUID clientId, LocalDate txnDate, LocalDate dueDate,
                               BigDecimal total, BigDecimal balance, String currency, boolean voided,
                               Instant qboUpdatedAt) implements OrgScoped {

    @TargetAggregateIdentifier
    public UUID importId() {
        return idOf(orgId, realmId, qboInvoiceId);
    }

    public static UUID idOf(UUID orgId, String realmId, String qboInvoiceId) {
        return UUID.nameUUIDFromBytes(("qbo-imported-invoice:" + orgId + ":" + realmId + ":" + qboInvoiceId)
                .getBytes(UTF_8));
    }
}
