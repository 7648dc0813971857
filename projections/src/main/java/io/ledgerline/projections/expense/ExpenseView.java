package io.ledgerline.projections.expense;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An expense as read. {@code status} is {@code draft}, {@code submitted}, {@code approved}, {@code rejected} or
 * {@code invoiced} (while a finalized invoice bills it, which {@code invoiceId} names). {@code defaultsFrom} is
 * {@code merchant_mapping} when the merchant's mapping filled the {@code defaultedFields} on creation.
 */
public record ExpenseView(UUID id, UUID memberId, UUID recordedBy, LocalDate date, BigDecimal amount, String currency,
                          String merchant, UUID categoryId, String categoryName, UUID projectId, String projectName,
                          UUID clientId, String description, boolean billable, boolean reimbursable, String status,
                          String rejectionReason, UUID invoiceId, boolean unlocked, ReceiptView receipt,
                          SourceView source, String defaultsFrom, List<String> defaultedFields, UUID submittedBy,
                          Instant submittedAt, UUID decidedBy, Instant decidedAt, Instant createdAt, Instant updatedAt,
                          long version) {

    /** The receipt's description; the file itself is read with {@code GET /expenses/{id}/receipt}. */
    public record ReceiptView(String contentType, long sizeBytes, String sha256, String filename) {
    }

    /** @param type {@code manual} or {@code external} */
    public record SourceView(String type, String provider, String externalId) {
    }
}
