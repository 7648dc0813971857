package io.ledgerline.app.web.qbo;

import io.ledgerline.domain.qbo.QboConnection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The events of an organization's QuickBooks connection, as stored in the event store (JSON payloads). */
final class QboEvents {

    private final JdbcTemplate jdbc;

    QboEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(String type, String payload, String metadata) {

        String simpleType() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    List<Stored> of(UUID orgId) {
        return jdbc.query("""
                        SELECT payloadtype, convert_from(payload, 'UTF8') AS payload,
                               convert_from(metadata, 'UTF8') AS metadata
                        FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""",
                (rs, i) -> new Stored(rs.getString("payloadtype"), rs.getString("payload"), rs.getString("metadata")),
                QboConnection.idOf(orgId).toString());
    }

    List<String> types(UUID orgId) {
        return of(orgId).stream().map(Stored::simpleType).toList();
    }

    Stored last(UUID orgId, String simpleType) {
        List<Stored> matching = of(orgId).stream().filter(e -> e.simpleType().equals(simpleType)).toList();
        if (matching.isEmpty()) {
            throw new AssertionError("No " + simpleType + " among " + types(orgId));
        }
        return matching.get(matching.size() - 1);
    }
}
