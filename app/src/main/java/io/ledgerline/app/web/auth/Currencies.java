package io.ledgerline.app.web.auth;

import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import java.util.Currency;

/** ISO 4217 codes from request bodies. */
public final class Currencies {

    private Currencies() {
    }

    public static Currency parse(String field, String code) {
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("validation.failed", "The request has invalid fields.",
                    new FieldViolation(field, "invalid_currency", "'" + code + "' is not an ISO 4217 currency"));
        }
    }
}
