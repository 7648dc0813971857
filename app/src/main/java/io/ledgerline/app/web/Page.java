package io.ledgerline.app.web;

import java.util.List;

/** One page of a list: the items, and the cursor of the next page ({@code null} on the last one). */
public record Page<T>(List<T> items, String nextCursor) {
}
