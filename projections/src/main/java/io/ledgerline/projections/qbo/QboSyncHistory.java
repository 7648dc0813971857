package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboLinked;
import io.ledgerline.domain.qbo.QboSyncAttempted;
import io.ledgerline.domain.qbo.QboUnlinked;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The sync state of every record of an organization as it was at a past moment, rebuilt from the event store (not
 * from the read model, which only knows the present): the organization's QuickBooks events stored up to that moment,
 * folded per record by {@link QboLinkState#apply}, the same fold the link-state read model is written with.
 */
@Component
public class QboSyncHistory {

    /*
     * The partial index domainevententry_qbo_org (V18) holds exactly these payload types, keyed by the organization
     * in the payload: the types are written into the SQL (not bound) so that the planner can prove the index
     * applies, and the query reads the organization's QuickBooks events and nothing else. The timestamp column is
     * ISO-8601 text, which does not sort as time (fewer fraction digits sort after more): it is compared as a
     * timestamp.
     */
    private static final String EVENTS = "SELECT eventidentifier, timestamp, payloadtype, payloadrevision, payload"
            + " FROM domainevententry"
            + " WHERE payloadtype IN ('" + QboLinked.class.getName() + "', '" + QboUnlinked.class.getName() + "', '"
            + QboSyncAttempted.class.getName() + "')"
            + " AND qbo_event_org(payload) = :orgId"
            + " AND timestamp::timestamptz <= :asOf"
            + " ORDER BY globalindex";

    private static final Comparator<QboLinkState> BY_RECORD = Comparator
            .comparing((QboLinkState state) -> state.entity().name())
            .thenComparing(QboLinkState::localId);

    private final DatabaseClient database;
    private final Serializer events;

    public QboSyncHistory(DatabaseClient database, @Qualifier("eventSerializer") Serializer events) {
        this.database = database;
        this.events = events;
    }

    /** Every record with a QuickBooks link or attempt at {@code asOf}, by entity then record id. */
    public Mono<List<QboLinkState>> asOf(UUID orgId, Instant asOf) {
        return database.sql(EVENTS)
                .bind("orgId", orgId.toString())
                .bind("asOf", asOf.atOffset(ZoneOffset.UTC))
                .map(row -> new QboLinkState.Event(
                        new QboLinkState.Stamp(Instant.parse(row.get("timestamp", String.class)),
                                row.get("eventidentifier", String.class)),
                        payload(row.get("payloadtype", String.class), row.get("payloadrevision", String.class),
                                row.get("payload", ByteBuffer.class))))
                .all()
                .collect(() -> new LinkedHashMap<QboLinkState.Key, QboLinkState>(), QboSyncHistory::fold)
                .map(states -> states.values().stream().sorted(BY_RECORD).toList());
    }

    private static void fold(Map<QboLinkState.Key, QboLinkState> states, QboLinkState.Event event) {
        QboLinkState.keyOf(event.payload()).ifPresent(key ->
                states.put(key, states.getOrDefault(key, key.initial()).apply(event)));
    }

    private Object payload(String type, String revision, ByteBuffer stored) {
        byte[] bytes = new byte[stored.remaining()];
        stored.get(bytes);
        return events.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, revision));
    }
}
