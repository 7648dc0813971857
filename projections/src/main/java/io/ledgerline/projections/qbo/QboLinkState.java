package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboDirection;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.QboLinkOrigin;
import io.ledgerline.domain.qbo.QboLinked;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.domain.qbo.QboSyncAttempted;
import io.ledgerline.domain.qbo.QboUnlinked;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * Where one Ledgerline record stands with QuickBooks: its link and its last sync attempt. The link-state read model
 * and the sync history at a past moment are both folds of {@link #apply}, so the two cannot disagree.
 * <p>
 * A record's link events may come from different aggregates (an import, the record's own sync), which Axon does
 * not order among themselves. So each half keeps the timestamp and identifier of the event it comes from and only
 * a later event replaces it: the events of a record give the same state in any order.
 *
 * @param link        the last link or unlink, {@code null} before any
 * @param lastAttempt the last sync attempt, {@code null} before any
 */
public record QboLinkState(UUID orgId, QboEntity entity, UUID localId, Link link, Attempt lastAttempt) {

    /** The order in which events of one record supersede each other: by timestamp, then by identifier. */
    static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::at).thenComparing(Stamp::eventId);

    /**
     * When an event was stored and its identifier: its place among the record's events. The time is kept to the
     * microsecond, as PostgreSQL keeps it, so a state read back from the read model orders events exactly as the
     * fold over the event store does.
     */
    public record Stamp(Instant at, String eventId) {

        public Stamp {
            at = at.truncatedTo(ChronoUnit.MICROS);
        }
    }

    /** The record's link as of its last link or unlink event. */
    public record Link(Stamp stamp, boolean linked, String realmId, String qboId, QboLinkOrigin origin,
                       String unlinkReason) {
    }

    /** The last sync attempt: what was sent and what QuickBooks said. */
    public record Attempt(Stamp stamp, String realmId, String qboId, QboDirection direction, QboOperation operation,
                          String requestId, String payload, QboFault fault, String intuitTid, String note) {
    }

    /** One stored QuickBooks event: its payload ({@link QboLinked}, {@link QboUnlinked} or {@link QboSyncAttempted}). */
    public record Event(Stamp stamp, Object payload) {
    }

    /** The record an event is about, or empty for an event about no Ledgerline record (nothing to fold). */
    public static Optional<Key> keyOf(Object payload) {
        if (payload instanceof QboLinked linked) {
            return Optional.of(new Key(linked.orgId(), linked.entity(), linked.localId()));
        }
        if (payload instanceof QboUnlinked unlinked) {
            return Optional.of(new Key(unlinked.orgId(), unlinked.entity(), unlinked.localId()));
        }
        if (payload instanceof QboSyncAttempted attempt && attempt.localId() != null) {
            return Optional.of(new Key(attempt.orgId(), attempt.entity(), attempt.localId()));
        }
        return Optional.empty();
    }

    /** A Ledgerline record with a QuickBooks counterpart. */
    public record Key(UUID orgId, QboEntity entity, UUID localId) {

        public QboLinkState initial() {
            return new QboLinkState(orgId, entity, localId, null, null);
        }
    }

    /** The state after {@code event}, which must be about this record; an event older than what it holds changes nothing. */
    public QboLinkState apply(Event event) {
        Object payload = event.payload();
        Stamp stamp = event.stamp();
        if (payload instanceof QboLinked linked && newer(link == null ? null : link.stamp(), stamp)) {
            return withLink(new Link(stamp, true, linked.realmId(), linked.qboId(), linked.origin(), null));
        }
        if (payload instanceof QboUnlinked unlinked && newer(link == null ? null : link.stamp(), stamp)) {
            return withLink(new Link(stamp, false, unlinked.realmId(), unlinked.qboId(), null, unlinked.reason()));
        }
        if (payload instanceof QboSyncAttempted attempt
                && newer(lastAttempt == null ? null : lastAttempt.stamp(), stamp)) {
            return new QboLinkState(orgId, entity, localId, link, new Attempt(stamp, attempt.realmId(),
                    attempt.qboId(), attempt.direction(), attempt.operation(), attempt.requestId(),
                    attempt.payload(), attempt.fault(), attempt.intuitTid(), attempt.note()));
        }
        return this;
    }

    public boolean linked() {
        return link != null && link.linked();
    }

    /** When the current link was made; {@code null} while unlinked. */
    public Instant linkedAt() {
        return linked() ? link.stamp().at() : null;
    }

    /** The QuickBooks company: the link's, or before any link the one the last attempt went to. */
    public String realmId() {
        return link != null ? link.realmId() : lastAttempt == null ? null : lastAttempt.realmId();
    }

    /** The QuickBooks record: the link's, or before any link the one the last attempt named. */
    public String qboId() {
        return link != null ? link.qboId() : lastAttempt == null ? null : lastAttempt.qboId();
    }

    /**
     * The last attempt failed or ended in a conflict, and nothing has settled it since: a later attempt replaces
     * it, and unlinking the record afterwards drops the matter.
     */
    public boolean openError() {
        if (lastAttempt == null || (lastAttempt.operation() != QboOperation.ERROR
                && lastAttempt.operation() != QboOperation.CONFLICT)) {
            return false;
        }
        return link == null || link.linked() || ORDER.compare(link.stamp(), lastAttempt.stamp()) < 0;
    }

    private QboLinkState withLink(Link newLink) {
        return new QboLinkState(orgId, entity, localId, newLink, lastAttempt);
    }

    private static boolean newer(Stamp held, Stamp candidate) {
        return held == null || ORDER.compare(candidate, held) > 0;
    }
}
