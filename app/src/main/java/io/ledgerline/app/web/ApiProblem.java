package io.ledgerline.app.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the API refuses, with a stable {@code code}; rendered as RFC 9457 problem details. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldViolation> errors;

    public ApiProblem(HttpStatus status, String code, String detail, List<FieldViolation> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public static ApiProblem badRequest(String code, String detail, FieldViolation... errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail, List.of(errors));
    }

    public static ApiProblem notFound(String code, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldViolation> errors() {
        return errors;
    }
}
