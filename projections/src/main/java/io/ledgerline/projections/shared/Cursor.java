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

    public String value(int index) {
        return values.get(index);
    }

    public String encode() {
        List<String> parts = new ArrayList<>(values.size());
        for (String value : values) {
            parts.add(ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        return ENCODER.encodeToString(String.join(".", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this API produced */
    public static Cursor decode(String text) {
        String joined = new String(DECODER.decode(text), StandardCharsets.UTF_8);
        List<String> values = new ArrayList<>();
        for (String part : joined.split("\\.", -1)) {
            values.add(new String(DECODER.decode(part), StandardCharsets.UTF_8));
        }
        return new Cursor(values);
    }
}
