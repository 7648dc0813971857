package io.ledgerline.domain.qbo;

/** How a Ledgerline record came to be linked to its QuickBooks record. */
public enum QboLinkOrigin {
    /** The Ledgerline record was created from the QuickBooks one. */
    IMPORTED,
    /** Somebody chose the QuickBooks record for it. */
    CHOSEN,
    /** Found by its business key (DocNumber, display name or e-mail) instead of creating a second one. */
    MATCHED,
    /** A push created the QuickBooks record. */
    CREATED
}
