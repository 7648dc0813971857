package io.ledgerline.domain.invoice;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One line of an invoice. A time or expense line names the work it bills; a manual line names none.
 *
 * @param quantity hours for time lines, 1 for an expense, anything for a manual line
 * @param amount   quantity × unit price, rounded half-up to the currency's minor units
 */
public record InvoiceLine(UUID lineId, LineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal amount, List<UUID> timeEntryIds, List<UUID> expenseIds) {
}
