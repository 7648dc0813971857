package io.ledgerline.domain.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment received against an invoice, as the invoice keeps it. */
public record InvoicePayment(UUID paymentId, BigDecimal amount, LocalDate paymentDate, PaymentMethod method,
                             String reference, Instant recordedAt) {
}
