package io.ledgerline.app.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Aggregate versions on the wire: {@code ETag: "7"} out, {@code If-Match: "7"} in. */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header expects, or {@code null} when there is none (or it is {@code *}). */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw ApiProblem.badRequest("request.bad_if_match",
                    "If-Match must be one ETag as returned by the API, for example \"3\".",
                    new FieldViolation("If-Match", "invalid", "expected a quoted version such as \"3\""));
        }
        return Long.parseLong(matcher.group(1));
    }
}
