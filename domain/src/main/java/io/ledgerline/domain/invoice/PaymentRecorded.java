package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

/**
 * A payment was received against a finalized invoice.
 *
 * @param amount     in the invoice's currency, at its minor units
 * @param balanceDue what is still due after this payment (0: the invoice is paid)
 */
public record PaymentRecorded(UUID orgId, UUID invoiceId, UUID clientId, UUID paymentId, BigDecimal amount,
                              Currency currency, LocalDate paymentDate, PaymentMethod method, String reference,
                              BigDecimal balanceDue) implements OrgScoped {
}
