package io.ledgerline.projections.shared;

import java.util.List;
import java.util.function.Function;

/** A page read from a read model: its rows, and where the next page starts (if there is one). */
public record Slice<T>(List<T> items, Cursor next) {

    /** Cuts the one-extra row fetched by {@link Window#fetchSize()} and derives the next cursor from the last kept row. */
    public static <T> Slice<T> of(List<T> rows, Window window, Function<T, Cursor> position) {
        if (rows.size() <= window.limit()) {
            return new Slice<>(rows, null);
        }
        List<T> kept = rows.subList(0, window.limit());
        return new Slice<>(List.copyOf(kept), position.apply(kept.get(kept.size() - 1)));
    }
}
