package io.ledgerline.domain.expense;

/**
 * Where an expense stands in its approval workflow. Invoiced is not a status of its own: an expense is invoiced
 * while a finalized invoice bills it, which the invoice records, not the expense.
 */
public enum ExpenseStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED
}
