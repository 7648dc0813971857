package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboDirection;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.QboLinkOrigin;
import io.ledgerline.domain.qbo.QboOperation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link QboLinkState} as a row of {@code qbo_link_state_view}: both halves with the stamps of their events (what
 * the fold needs to go on), and the derived columns the status panel filters on.
 */
final class QboLinkStateRows {

    private final JdbcTemplate jdbc;

    QboLinkStateRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<QboLinkState> find(QboLinkState.Key key) {
        return jdbc.query("SELECT * FROM qbo_link_state_view WHERE org_id = ? AND entity = ? AND local_id = ?",
                (row, index) -> state(key, row), key.orgId(), key.entity().name(), key.localId()).stream().findFirst();
    }

    void save(QboLinkState state) {
        QboLinkState.Link link = state.link();
        QboLinkState.Attempt attempt = state.lastAttempt();
        QboFault fault = attempt == null ? null : attempt.fault();
        jdbc.update("""
                        INSERT INTO qbo_link_state_view (org_id, entity, local_id, realm_id, qbo_id, linked, linked_at,
                            open_error, link_event_at, link_event_id, link_realm_id, link_qbo_id, link_origin,
                            unlink_reason, last_attempt_at, last_attempt_event_id, last_realm_id, last_qbo_id,
                            last_direction, last_operation, last_request_id, last_payload, last_fault_code,
                            last_fault_message, last_fault_detail, last_fault_type, last_intuit_tid, last_note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (org_id, entity, local_id) DO UPDATE SET realm_id = excluded.realm_id,
                            qbo_id = excluded.qbo_id, linked = excluded.linked, linked_at = excluded.linked_at,
                            open_error = excluded.open_error, link_event_at = excluded.link_event_at,
                            link_event_id = excluded.link_event_id, link_realm_id = excluded.link_realm_id,
                            link_qbo_id = excluded.link_qbo_id, link_origin = excluded.link_origin,
                            unlink_reason = excluded.unlink_reason, last_attempt_at = excluded.last_attempt_at,
                            last_attempt_event_id = excluded.last_attempt_event_id,
                            last_realm_id = excluded.last_realm_id, last_qbo_id = excluded.last_qbo_id,
                            last_direction = excluded.last_direction, last_operation = excluded.last_operation,
                            last_request_id = excluded.last_request_id, last_payload = excluded.last_payload,
                            last_fault_code = excluded.last_fault_code,
                            last_fault_message = excluded.last_fault_message,
                            last_fault_detail = excluded.last_fault_detail,
                            last_fault_type = excluded.last_fault_type, last_intuit_tid = excluded.last_intuit_tid,
                            last_note = excluded.last_note""",
                state.orgId(), state.entity().name(), state.localId(), state.realmId(), state.qboId(), state.linked(),
                timestamp(state.linkedAt()), state.openError(),
                link == null ? null : timestamp(link.stamp().at()), link == null ? null : link.stamp().eventId(),
                link == null ? null : link.realmId(), link == null ? null : link.qboId(),
                link == null || link.origin() == null ? null : link.origin().name(),
                link == null ? null : link.unlinkReason(),
                attempt == null ? null : timestamp(attempt.stamp().at()),
                attempt == null ? null : attempt.stamp().eventId(), attempt == null ? null : attempt.realmId(),
                attempt == null ? null : attempt.qboId(), attempt == null ? null : attempt.direction().name(),
                attempt == null ? null : attempt.operation().name(), attempt == null ? null : attempt.requestId(),
                attempt == null ? null : attempt.payload(), fault == null ? null : fault.code(),
                fault == null ? null : fault.message(), fault == null ? null : fault.detail(),
                fault == null ? null : fault.type(), attempt == null ? null : attempt.intuitTid(),
                attempt == null ? null : attempt.note());
    }

    private static QboLinkState state(QboLinkState.Key key, ResultSet row) throws SQLException {
        QboLinkState.Link link = null;
        if (row.getString("link_event_id") != null) {
            String origin = row.getString("link_origin");
            link = new QboLinkState.Link(
                    new QboLinkState.Stamp(row.getTimestamp("link_event_at").toInstant(),
                            row.getString("link_event_id")),
                    row.getBoolean("linked"), row.getString("link_realm_id"), row.getString("link_qbo_id"),
                    origin == null ? null : QboLinkOrigin.valueOf(origin), row.getString("unlink_reason"));
        }
        QboLinkState.Attempt attempt = null;
        if (row.getString("last_attempt_event_id") != null) {
            String faultCode = row.getString("last_fault_code");
            String faultMessage = row.getString("last_fault_message");
            String faultDetail = row.getString("last_fault_detail");
            String faultType = row.getString("last_fault_type");
            QboFault fault = faultCode == null && faultMessage == null && faultDetail == null && faultType == null
                    ? null : new QboFault(faultCode, faultMessage, faultDetail, faultType);
            attempt = new QboLinkState.Attempt(
                    new QboLinkState.Stamp(row.getTimestamp("last_attempt_at").toInstant(),
                            row.getString("last_attempt_event_id")),
                    row.getString("last_realm_id"), row.getString("last_qbo_id"),
                    QboDirection.valueOf(row.getString("last_direction")),
                    QboOperation.valueOf(row.getString("last_operation")), row.getString("last_request_id"),
                    row.getString("last_payload"), fault, row.getString("last_intuit_tid"),
                    row.getString("last_note"));
        }
        return new QboLinkState(key.orgId(), key.entity(), key.localId(), link, attempt);
    }

    private static Timestamp timestamp(java.time.Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
