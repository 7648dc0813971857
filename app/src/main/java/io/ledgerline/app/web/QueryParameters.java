package io.ledgerline.app.web;

import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.Window;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * The query string of a list request, checked strictly: an unknown parameter, a repeated one or a value of the
 * wrong shape is a 400 problem naming the parameter, never silently ignored.
 */
public final class QueryParameters {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final MultiValueMap<String, String> raw;

    private QueryParameters(MultiValueMap<String, String> raw) {
        this.raw = raw;
    }

    /** Accepts only the named parameters (plus {@code limit} and {@code cursor} when {@code paged}). */
    public static QueryParameters of(MultiValueMap<String, String> raw, boolean paged, String... allowed) {
        Set<String> known = new java.util.HashSet<>(List.of(allowed));
        if (paged) {
            known.add("limit");
            known.add("cursor");
        }
        List<FieldViolation> violations = new ArrayList<>();
        raw.forEach((name, values) -> {
            if (!known.contains(name)) {
                violations.add(new FieldViolation(name, "unknown_parameter",
                        "unknown query parameter; allowed: " + String.join(", ", new java.util.TreeSet<>(known))));
            } else if (values.size() > 1) {
                violations.add(new FieldViolation(name, "repeated_parameter", "give this parameter once"));
            }
        });
        if (!violations.isEmpty()) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "request.bad_query",
                    "The query string has parameters this endpoint does not accept.", violations);
        }
        return new QueryParameters(raw);
    }

    public String text(String name) {
        String value = raw.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public <T> T parsed(String name, String expectation, Function<String, T> parser) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("request.bad_query", "Query parameter '" + name + "' is not valid.",
                    new FieldViolation(name, "invalid", expectation));
        }
    }

    public UUID uuid(String name) {
        return parsed(name, "expected a UUID", UUID::fromString);
    }

    public LocalDate date(String name) {
        return parsed(name, "expected a date such as 2026-03-31", value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    public java.time.Instant instant(String name) {
        return parsed(name, "expected an instant such as 2026-05-04T09:30:00Z", value -> {
            try {
                return java.time.Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    public Boolean bool(String name) {
        return parsed(name, "expected true or false", value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        });
    }

    /** Enum values are accepted case-insensitively; the message lists the allowed ones. */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        return parsed(name, "expected one of " + String.join(", ", allowed),
                value -> Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
    }

    public Window window() {
        Integer limit = parsed("limit", "expected a whole number from 1 to " + MAX_LIMIT, value -> {
            int parsed = Integer.parseInt(value);
            if (parsed < 1 || parsed > MAX_LIMIT) {
                throw new IllegalArgumentException(value);
            }
            return parsed;
        });
        Cursor cursor = parsed("cursor", "expected the nextCursor of a previous page", Cursor::decode);
        return new Window(limit == null ? DEFAULT_LIMIT : limit, cursor);
    }
}
