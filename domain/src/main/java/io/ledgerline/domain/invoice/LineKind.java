package io.ledgerline.domain.invoice;

/** What an invoice line bills: approved time, approved expenses, or something typed in by hand. */
public enum LineKind {
    TIME,
    EXPENSE,
    MANUAL
}
