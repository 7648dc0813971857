package io.ledgerline.domain.shared;

/**
 * A business rule the command would break. The {@code code} is stable and part of the public API
 * (for example {@code client.name_taken}); the web layer maps it to a 409 or 422 problem.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final String code;
    private final Kind kind;

    public enum Kind {
        /** The request conflicts with the current state of other records (409). */
        CONFLICT,
        /** The request is well-formed but not acceptable under the rules (422). */
        UNPROCESSABLE,
        /** The addressed record does not exist for this organization (404). */
        NOT_FOUND
    }

    public BusinessRuleViolation(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public static BusinessRuleViolation conflict(String code, String message) {
        return new BusinessRuleViolation(Kind.CONFLICT, code, message);
    }

    public static BusinessRuleViolation unprocessable(String code, String message) {
        return new BusinessRuleViolation(Kind.UNPROCESSABLE, code, message);
    }

    public static BusinessRuleViolation notFound(String code, String message) {
        return new BusinessRuleViolation(Kind.NOT_FOUND, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
