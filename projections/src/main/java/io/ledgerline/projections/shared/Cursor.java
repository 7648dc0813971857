package io.ledgerline.projections.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A keyset position: the sort-key values of the last row of a page. Opaque to clients (base64url), so the sort
 * keys may change without breaking anyone who only passes it back.
 */
public record Cursor(List<String> values) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static Cursor of(String... values) {
        return new Cursor(List.of(values));
    }

    /** @throws InvalidCursor when the cursor has no such position (it was made for another list) */
    public String value(int index) {
        if (index >= values.size()) {
            throw new InvalidCursor();
        }
        return values.get(index);
    }

    public java.util.UUID uuid(int index) {
        try {
            return java.util.UUID.fromString(value(index));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
    }

    public String encode() {
        List<String> parts = new ArrayList<>(values.size());
        for (String value : values) {
            parts.add(ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        return ENCODER.encodeToString(String.join(".", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidCursor when the text is not a cursor this API produced */
    public static Cursor decode(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
    }

    private static Cursor parse(String text) {
        String joined = new String(DECODER.decode(text), StandardCharsets.UTF_8);
        List<String> values = new ArrayList<>();
        for (String part : joined.split("\\.", -1)) {
            values.add(new String(DECODER.decode(part), StandardCharsets.UTF_8));
        }
        return new Cursor(values);
    }
}
