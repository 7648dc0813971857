package io.ledgerline.domain.invoice;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A line as a draft is created with; the invoice works out its amount. */
public record DraftLine(UUID lineId, LineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice,
                        List<UUID> timeEntryIds, List<UUID> expenseIds) {

    public static DraftLine manual(UUID lineId, String description, BigDecimal quantity, BigDecimal unitPrice) {
        return new DraftLine(lineId, LineKind.MANUAL, description, quantity, unitPrice, List.of(), List.of());
    }
}
