package io.ledgerline.projections.expense;

/** The statuses an expense list can be narrowed to; {@code INVOICED} wins over the workflow status. */
public enum ExpenseStatusFilter {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED,
    INVOICED
}
