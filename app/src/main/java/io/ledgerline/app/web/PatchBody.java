package io.ledgerline.app.web;

import java.util.HashSet;
import java.util.Set;

/**
 * A PATCH body that remembers which fields the client sent, so that a field sent as {@code null} clears the
 * value while a field left out keeps it. Subclasses call {@link #given} from each setter.
 */
public abstract class PatchBody {

    private final Set<String> given = new HashSet<>();

    protected final void given(String field) {
        given.add(field);
    }

    public boolean has(String field) {
        return given.contains(field);
    }

    public boolean isEmpty() {
        return given.isEmpty();
    }
}
