package io.ledgerline.app.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The RFC 9457 body every error response carries, with Ledgerline's {@code code} and field errors. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldViolation> errors, String requestId) {

    public static final String TYPE_PREFIX = "urn:ledgerline:problem:";
}
