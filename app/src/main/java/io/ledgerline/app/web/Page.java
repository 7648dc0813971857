package io.ledgerline.app.web;

import io.ledgerline.projections.shared.Slice;
import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, and the cursor of the next page ({@code null} on the last one). */
public record Page<T>(List<T> items, String nextCursor) {

    public static <T> Page<T> of(Slice<T> slice) {
        return of(slice, Function.identity());
    }

    public static <V, T> Page<T> of(Slice<V> slice, Function<V, T> toItem) {
        return new Page<>(slice.items().stream().map(toItem).toList(),
                slice.next() == null ? null : slice.next().encode());
    }
}
