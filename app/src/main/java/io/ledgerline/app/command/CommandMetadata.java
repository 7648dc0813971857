package io.ledgerline.app.command;

/** The keys of the metadata every command carries and its events keep: the audit trail. */
public final class CommandMetadata {

    public static final String ACTOR = "actor";
    public static final String REQUEST_ID = "requestId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** From {@code If-Match}: the aggregate version the caller saw. Only on commands, never copied to events. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private CommandMetadata() {
    }
}
