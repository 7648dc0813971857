package io.ledgerline.domain.qbo;

/** Which way a sync attempt went: from Ledgerline to QuickBooks, or back. */
public enum QboDirection {
    PUSH,
    PULL
}
