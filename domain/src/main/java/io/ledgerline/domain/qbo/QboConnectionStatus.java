package io.ledgerline.domain.qbo;

/** Where an organization's QuickBooks connection stands, as its integration card shows it. */
public enum QboConnectionStatus {
    /** Tokens are valid: pushes, pulls and webhooks run. */
    CONNECTED,
    /** Intuit refused the tokens for good: every sync waits until an admin reconnects. */
    EXPIRED,
    /** QuickBooks keeps refusing for a reason that is not authorization (keys, company status): syncs still try. */
    ERROR,
    /** An admin disconnected; links and synced records stay for a later reconnect. */
    DISCONNECTED
}
