package io.ledgerline.domain.client;

public enum NoteType {
    GENERAL,
    MEETING,
    PHONE_CALL,
    DECISION,
    EMAIL
}
