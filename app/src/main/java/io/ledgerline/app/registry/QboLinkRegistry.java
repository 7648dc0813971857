package io.ledgerline.app.registry;

import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboLinkRef;
import io.ledgerline.domain.qbo.QboLinked;
import io.ledgerline.domain.qbo.QboLinks;
import io.ledgerline.domain.qbo.QboUnlinked;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every QuickBooks link as it stands now; see V13__qbo_links.sql for the keys that keep links one-to-one. */
@Component
@ProcessingGroup(RegistryGroup.NAME)
public class QboLinkRegistry implements QboLinks {

    private final JdbcTemplate jdbc;

    QboLinkRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QboLinked event) {
        jdbc.update("INSERT INTO qbo_link (org_id, entity, local_id, realm_id, qbo_id) VALUES (?, ?, ?, ?, ?)",
                event.orgId(), event.entity().name(), event.localId(), event.realmId(), event.qboId());
    }

    @EventHandler
    void on(QboUnlinked event) {
        jdbc.update("DELETE FROM qbo_link WHERE org_id = ? AND entity = ? AND local_id = ?",
                event.orgId(), event.entity().name(), event.localId());
    }

    @Override
    public Optional<QboLinkRef> linkOf(UUID orgId, QboEntity entity, UUID localId) {
        return jdbc.query("SELECT realm_id, qbo_id FROM qbo_link WHERE org_id = ? AND entity = ? AND local_id = ?",
                (rs, i) -> new QboLinkRef(rs.getString("realm_id"), rs.getString("qbo_id")),
                orgId, entity.name(), localId).stream().findFirst();
    }

    @Override
    public Optional<UUID> localIdOf(UUID orgId, QboEntity entity, String realmId, String qboId) {
        return jdbc.query("SELECT local_id FROM qbo_link WHERE org_id = ? AND entity = ? AND realm_id = ? AND qbo_id = ?",
                (rs, i) -> rs.getObject("local_id", UUID.class), orgId, entity.name(), realmId, qboId)
                .stream().findFirst();
    }

    @Override
    public boolean anyLinkedOutside(UUID orgId, String realmId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM qbo_link WHERE org_id = ? AND realm_id <> ?)", Boolean.class,
                orgId, realmId));
    }
}
