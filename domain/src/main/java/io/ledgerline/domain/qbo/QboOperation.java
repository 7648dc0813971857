package io.ledgerline.domain.qbo;

/** What one sync attempt did, as the sync log shows it. */
public enum QboOperation {
    /** A new record was made on the receiving side. */
    CREATED,
    /** An existing record was changed on the receiving side. */
    UPDATED,
    /** Two existing records were found to be the same and linked, nothing was written. */
    LINKED,
    /** A link was removed; both records stay. */
    UNLINKED,
    /** The record was voided on the receiving side. */
    VOIDED,
    /** The record was deleted on the side it came from; the link stays, marked. */
    DELETED,
    /** Nothing to do: already in step, an older or duplicate change, or the feature is off. */
    SKIPPED,
    /** Both sides changed; the note says which change won and what it overwrote. */
    CONFLICT,
    /** Not attempted yet (throttled, QuickBooks unavailable): it is retried later, it is not an error. */
    DEFERRED,
    /** QuickBooks refused it or it failed for good; the fault says why. */
    ERROR
}
