package io.ledgerline.domain.invoice;

/** How a draft made from work turns time entries into lines; expenses are always one line each. */
public enum LineGrouping {
    /** One line per project and task (and hourly rate). */
    BY_TASK,
    /** One line per member (and hourly rate). */
    BY_MEMBER,
    /** One line per time entry. */
    PER_ENTRY
}
