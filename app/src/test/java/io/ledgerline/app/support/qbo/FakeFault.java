package io.ledgerline.app.support.qbo;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fault the fake answers with, in QuickBooks' words (contract §3). Thrown from inside a handler, written by the
 * dispatcher as the {@code Fault} envelope (or as a batch item's {@code Fault}).
 */
final class FakeFault extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String detail;

    FakeFault(int status, String type, String code, String message, String detail) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.detail = detail;
    }

    static FakeFault validation(String code, String message, String detail) {
        return new FakeFault(400, "ValidationFault", code, message, detail);
    }

    static FakeFault objectNotFound(String what) {
        return validation("610", "Object Not Found",
                "Object Not Found : Something you're trying to use has been made inactive. Check the fields with"
                        + " accounts, customers, items, vendors or employees. (" + what + ")");
    }

    static FakeFault stale() {
        return validation("5010", "Stale Object Error",
                "Stale Object Error : You and Fake User were working on this at the same time. Fake User finished"
                        + " before you did, so your work was not saved.");
    }

    static FakeFault queryParse(String detail) {
        return validation("4000", "Error parsing query", "QueryParserError: " + detail);
    }

    static FakeFault queryValidation(String detail) {
        return validation("4001", "Invalid query", "QueryValidationError: " + detail);
    }

    static FakeFault required(String property) {
        return validation("2020", "Required param missing, need to supply the required value for the API",
                "Required parameter " + property + " is missing in the request");
    }

    static FakeFault invalidRequest(String detail) {
        return validation("2010", "Request has invalid or unsupported property", detail);
    }

    static FakeFault businessRule(String detail) {
        return validation("6000", "A business validation error has occurred while processing your request",
                "Business Validation Error: " + detail);
    }

    /** {@code {"Fault":{"Error":[…],"type":…}}}, or the gateway's lowercase {@code fault/error} shape. */
    ObjectNode envelope(boolean lowercase) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode fault = root.putObject(lowercase ? "fault" : "Fault");
        fault.set(lowercase ? "error" : "Error", JsonNodeFactory.instance.arrayNode().add(error(lowercase)));
        fault.put("type", type);
        return root;
    }

    /** The {@code Fault} object alone, as a batch item carries it. */
    ObjectNode fault() {
        ObjectNode fault = JsonNodeFactory.instance.objectNode();
        fault.putArray("Error").add(error(false));
        fault.put("type", type);
        return fault;
    }

    private ObjectNode error(boolean lowercase) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put(lowercase ? "message" : "Message", getMessage());
        error.put(lowercase ? "detail" : "Detail", detail);
        error.put("code", code);
        if (!lowercase) {
            error.put("element", "");
        }
        return error;
    }
}
