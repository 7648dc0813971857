package io.ledgerline.domain.invoice;

import java.time.LocalDate;

/**
 * The status an invoice shows on a given day. Everything but {@link #OVERDUE} follows from the events alone (the
 * invoice's standing); overdue also depends on the day it is looked at, so it is worked out when read, in the
 * organization's time zone. An overdue invoice may be partly paid: overdue is what needs acting on.
 */
public enum InvoiceStatus {
    DRAFT,
    VOID,
    PAID,
    OVERDUE,
    PARTIALLY_PAID,
    UNPAID;

    /** The standing, made {@link #OVERDUE} when money is still due after the due date. */
    public static InvoiceStatus on(InvoiceStatus standing, LocalDate dueDate, LocalDate today) {
        boolean open = standing == UNPAID || standing == PARTIALLY_PAID;
        return open && dueDate != null && today != null && dueDate.isBefore(today) ? OVERDUE : standing;
    }
}
