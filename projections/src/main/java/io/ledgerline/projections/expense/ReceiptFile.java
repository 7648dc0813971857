package io.ledgerline.projections.expense;

/** A stored receipt, to be handed back as it was uploaded. */
public record ReceiptFile(String contentType, String filename, String sha256, byte[] content) {
}
