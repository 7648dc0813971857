package io.ledgerline.domain.client;

/** Whether work may still be booked for a client. */
public enum ClientStanding {
    ACTIVE,
    INACTIVE
}
