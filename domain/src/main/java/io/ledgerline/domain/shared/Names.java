package io.ledgerline.domain.shared;

import java.util.Locale;

/** How names are compared when they must be unique: trimmed, inner white space folded, case-insensitive. */
public final class Names {

    private Names() {
    }

    public static String normalize(String name) {
        return name == null ? null : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public static String tidy(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
