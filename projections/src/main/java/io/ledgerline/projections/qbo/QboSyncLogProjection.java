package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.QboLinked;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.domain.qbo.QboSyncAttempted;
import io.ledgerline.domain.qbo.QboUnlinked;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sync log (one row per QuickBooks link, unlink or sync-attempt event) and the link state of every record
 * (folded by {@link QboLinkState}). Handled per record in order ({@link QboRecordSequencing}); every write is keyed
 * by the event, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(QboSyncLogProjection.GROUP)
public class QboSyncLogProjection {

    public static final String GROUP = "qbo-sync-log";

    private final JdbcTemplate jdbc;
    private final QboLinkStateRows states;

    public QboSyncLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.states = new QboLinkStateRows(jdbc);
    }

    @EventHandler
    void on(QboLinked event, EventMessage<?> message, @MetaDataValue("actor") String actor) {
        log(message, new Row(event.orgId(), event.entity(), event.localId(), event.realmId(), event.qboId(), null,
                QboOperation.LINKED.name(), event.origin().name(), null, null, null, null, null, null, null, null,
                actor));
        fold(message);
    }

    @EventHandler
    void on(QboUnlinked event, EventMessage<?> message, @MetaDataValue("actor") String actor) {
        log(message, new Row(event.orgId(), event.entity(), event.localId(), event.realmId(), event.qboId(), null,
                QboOperation.UNLINKED.name(), null, null, null, null, null, null, null, null, event.reason(), actor));
        fold(message);
    }

    @EventHandler
    void on(QboSyncAttempted event, EventMessage<?> message, @MetaDataValue("actor") String actor) {
        log(message, new Row(event.orgId(), event.entity(), event.localId(), event.realmId(), event.qboId(), event.direction().name(),
                event.operation().name(), null, event.requestId(), event.localVersion(), event.qboSyncToken(),
                event.qboUpdatedAt(), event.fault(), event.intuitTid(), event.payload(), event.note(), actor));
        fold(message);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM qbo_sync_log_view");
        jdbc.update("DELETE FROM qbo_link_state_view");
    }

    private void fold(EventMessage<?> message) {
        QboLinkState.keyOf(message.getPayload()).ifPresent(key -> {
            QboLinkState held = states.find(key).orElseGet(key::initial);
            QboLinkState next = held.apply(new QboLinkState.Event(
                    new QboLinkState.Stamp(message.getTimestamp(), message.getIdentifier()), message.getPayload()));
            if (!next.equals(held)) {
                states.save(next);
            }
        });
    }

    /** One line of the sync log; link events leave the attempt's columns empty. */
    private record Row(UUID orgId, QboEntity entity, UUID localId, String realmId,
                       String qboId, String direction, String operation, String linkOrigin, String requestId,
                       Long localVersion, String qboSyncToken, Instant qboUpdatedAt, QboFault fault,
                       String intuitTid, String payload, String note, String actor) {
    }

    private void log(EventMessage<?> message, Row row) {
        QboFault fault = row.fault();
        jdbc.update("""
                        INSERT INTO qbo_sync_log_view (event_id, org_id, at, entity, local_id, realm_id, qbo_id,
                            direction, operation, link_origin, request_id, local_version, qbo_sync_token,
                            qbo_updated_at, fault_code, fault_message, fault_detail, fault_type, intuit_tid, payload,
                            note, actor)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (event_id) DO NOTHING""",
                message.getIdentifier(), row.orgId(), Timestamp.from(message.getTimestamp()), row.entity().name(), row.localId(), row.realmId(),
                row.qboId(), row.direction(), row.operation(), row.linkOrigin(), row.requestId(), row.localVersion(),
                row.qboSyncToken(), row.qboUpdatedAt() == null ? null : Timestamp.from(row.qboUpdatedAt()),
                fault == null ? null : fault.code(), fault == null ? null : fault.message(),
                fault == null ? null : fault.detail(), fault == null ? null : fault.type(), row.intuitTid(),
                row.payload(), row.note(), row.actor());
    }
}
