package io.ledgerline.domain.invoice;

/** Where an invoice is in its life: editable draft, issued under a number, or voided (the number stays used). */
public enum Stage {
    DRAFT,
    FINALIZED,
    VOID
}
