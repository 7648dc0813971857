package io.ledgerline.app.web.qbo;

import io.ledgerline.domain.qbo.QboDirection;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.domain.qbo.QboSyncAttempted;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Stores QuickBooks link and sync-attempt events as the sync flows do, at chosen moments, so that the read side
 * can be tested for what it makes of them independently of which flow wrote them.
 */
record QboEventLog(EventStore events) {

    /** Stores {@code payload} as an event of {@code at}, caused by {@code actor}; returns the event's identifier. */
    String store(Object payload, Instant at, String actor) {
        String id = UUID.randomUUID().toString();
        events.publish(new GenericEventMessage<>(id, payload, Map.of("actor", actor), at));
        return id;
    }

    String store(Object payload) {
        return store(payload, Instant.now(), "system");
    }

    static QboSyncAttempted push(UUID orgId, QboEntity entity, UUID localId, String qboId, QboOperation operation,
                                 QboFault fault, String payloadJson) {
        return new QboSyncAttempted(orgId, entity, localId, "realm-1", qboId, QboDirection.PUSH, operation,
                "req-" + UUID.randomUUID().toString().substring(0, 8), 1L, qboId == null ? null : "0", null, fault,
                fault == null ? null : "1-abc-tid", payloadJson, fault == null ? null : "QuickBooks refused it");
    }
}
