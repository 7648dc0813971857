package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.shared.BusinessRuleViolation;

/** What a failed QuickBooks call means for the person who asked, and what they can do about it. */
public final class QboRefusals {

    private QboRefusals() {
    }

    /**
     * A QuickBooks call a request needed failed: the request is refused with a code saying why. Every endpoint that
     * calls QuickBooks while a person waits answers its failures with these codes.
     */
    public static BusinessRuleViolation refusal(QboException e) {
        return switch (e.kind()) {
            case NOT_CONNECTED, ACCESS_DENIED -> BusinessRuleViolation.conflict("qbo.not_connected",
                    "QuickBooks is not connected: connect (or reconnect) it under Integrations.");
            case AUTHORIZATION_EXPIRED -> BusinessRuleViolation.conflict("qbo.authorization_expired",
                    "QuickBooks' authorization expired: an admin must reconnect it under Integrations.");
            case THROTTLED, UNAVAILABLE -> BusinessRuleViolation.conflict("qbo.unavailable",
                    "QuickBooks did not answer in time or asked us to slow down; try again in a minute.");
            default -> BusinessRuleViolation.conflict("qbo.rejected",
                    "QuickBooks refused the request: " + (e.fault() == null ? e.getMessage() : e.fault().message()));
        };
    }

    /** The sync log's note for a customer push that failed. */
    static String customerNote(QboException e) {
        return switch (e.kind()) {
            case THROTTLED -> "QuickBooks asked us to slow down; the push is retried later.";
            case UNAVAILABLE -> "QuickBooks did not answer; the push is retried later with the same requestid.";
            case NOT_CONNECTED, ACCESS_DENIED -> "QuickBooks is not connected; reconnect it under Integrations.";
            case AUTHORIZATION_EXPIRED -> "QuickBooks' authorization expired; an admin must reconnect it.";
            case NOT_FOUND -> "The QuickBooks customer is deleted or inactive. Make it active in QuickBooks, or "
                    + "unlink the client and push again to create a new customer.";
            case DUPLICATE_NAME -> "Another QuickBooks customer, vendor or employee already uses this name; rename "
                    + "the client or that record.";
            default -> "QuickBooks refused the customer; see the fault for what to change.";
        };
    }
}
