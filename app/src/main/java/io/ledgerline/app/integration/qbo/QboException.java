package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.QboFault;

/**
 * A QuickBooks call that did not succeed, classified by what the caller should do about it.
 *
 * @see Kind
 */
public class QboException extends RuntimeException {

    /** What went wrong, in terms of what to do next. */
    public enum Kind {
        /** The organization has no usable connection (never connected, disconnected): connect first. */
        NOT_CONNECTED,
        /** Intuit refused the refresh token ({@code invalid_grant}) or a token twice: an admin must reconnect. */
        AUTHORIZATION_EXPIRED,
        /** Intuit's limits (429 / fault 3001, JSON or XML) or ours: retry after {@link #retryAfterSeconds()}. */
        THROTTLED,
        /** 5xx, a timeout or a broken connection: retry later with the same requestid. */
        UNAVAILABLE,
        /** 5010: the SyncToken sent is stale; re-read the record and retry once. */
        STALE_OBJECT,
        /** 6240: the DisplayName is taken by a customer, vendor or employee (inactive ones too). */
        DUPLICATE_NAME,
        /** 6140: the DocNumber is taken. */
        DUPLICATE_DOC_NUMBER,
        /** 610 or 404: the record, or one it refers to, is deleted or inactive in QuickBooks. */
        NOT_FOUND,
        /** 120 or 3100: the connecting user lost access or the keys do not fit: treat as disconnected. */
        ACCESS_DENIED,
        /** Any other fault (validation, business rule): permanent until someone changes something. */
        REJECTED
    }

    private final Kind kind;
    private final QboFault fault;
    private final int httpStatus;
    private final String intuitTid;
    private final boolean outcomeUnknown;
    private final long retryAfterSeconds;

    public QboException(Kind kind, QboFault fault, int httpStatus, String intuitTid, boolean outcomeUnknown,
                        long retryAfterSeconds) {
        super(kind + (fault == null ? "" : " " + fault.code() + ": " + fault.message()));
        this.kind = kind;
        this.fault = fault;
        this.httpStatus = httpStatus;
        this.intuitTid = intuitTid;
        this.outcomeUnknown = outcomeUnknown;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public QboFault fault() {
        return fault;
    }

    /** 0 when no HTTP answer came (timeout, connection reset, or refused before calling). */
    public int httpStatus() {
        return httpStatus;
    }

    public String intuitTid() {
        return intuitTid;
    }

    /**
     * A write was sent but no answer came (a timeout after sending, a dropped connection): QuickBooks may have
     * committed it. Before creating anything again, look the record up by its business key.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** For {@link Kind#THROTTLED} and {@link Kind#UNAVAILABLE}: the earliest sensible retry, in seconds. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Worth retrying later without anybody changing anything. */
    public boolean transientFailure() {
        return kind == Kind.THROTTLED || kind == Kind.UNAVAILABLE;
    }
}
