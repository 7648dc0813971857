package io.ledgerline.domain.invoice;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The draft's terms after the change. */
public record InvoiceTermsChanged(UUID orgId, UUID invoiceId, LocalDate issueDate, LocalDate dueDate,
                                  BigDecimal taxRate, String notes) implements OrgScoped {
}
