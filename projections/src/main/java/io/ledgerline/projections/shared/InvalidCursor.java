package io.ledgerline.projections.shared;

/** A cursor that this API did not produce for this list (the web layer answers 400). */
public class InvalidCursor extends IllegalArgumentException {

    public InvalidCursor() {
        super("The cursor is not valid for this list", null);
    }
}
