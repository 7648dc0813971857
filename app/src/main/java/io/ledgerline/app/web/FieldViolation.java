package io.ledgerline.app.web;

/** One thing wrong with one field of a request: {@code field} is a JSON path or a query parameter name. */
public record FieldViolation(String field, String code, String message) {
}
