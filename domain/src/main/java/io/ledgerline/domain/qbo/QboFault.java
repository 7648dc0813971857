package io.ledgerline.domain.qbo;

/**
 * What QuickBooks answered when it refused a request, in its own terms, whatever shape the fault came in.
 *
 * @param code    Intuit's error code, for example {@code 6240} or {@code 5010}; for OAuth errors the error name
 * @param type    the fault type, for example {@code ValidationFault}; {@code null} when QuickBooks gave none
 */
public record QboFault(String code, String message, String detail, String type) {
}
