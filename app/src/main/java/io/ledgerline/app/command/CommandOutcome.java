package io.ledgerline.app.command;

/**
 * What a command handler produced, plus the version of the aggregate after the command: the sequence number
 * of its last event, which the API hands out as the ETag.
 */
public record CommandOutcome(String aggregateId, long version, Object result) {
}
