package io.ledgerline.domain.expense;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attaches a receipt to the expense, replacing any earlier one. Only its description travels here: the file
 * itself is stored beside the expense in the same transaction, never in the event store.
 *
 * @param sha256 the file's SHA-256 digest, lower-case hex
 */
public record AttachReceipt(UUID orgId, @TargetAggregateIdentifier UUID expenseId, UUID actorId, String contentType,
                            long sizeBytes, String sha256, String filename) implements OrgScoped {
}
