package io.ledgerline.projections.shared;

/** Which slice of a list to read: at most {@code limit} rows after {@code after} (none: from the start). */
public record Window(int limit, Cursor after) {

    /** Lists fetch one row more than asked, to know whether a next page exists without counting. */
    public int fetchSize() {
        return limit + 1;
    }
}
