package io.ledgerline.projections.client;

/** Which clients a list shows: active ones unless asked otherwise, since inactive clients are kept for history. */
public enum ClientStatusFilter {
    ACTIVE,
    INACTIVE,
    ALL
}
