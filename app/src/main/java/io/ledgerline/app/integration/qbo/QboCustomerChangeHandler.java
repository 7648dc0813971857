package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.ApplyQboCustomerChange;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboLinks;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings a changed QuickBooks customer to its linked client. Customers nobody linked are left alone: importing
 * them is a person's decision. Whether the change is newer than the one applied last, and who wins when both sides
 * changed, is the customer sync's to decide.
 */
@Component
class QboCustomerChangeHandler implements QboChangeHandler {

    private final QboLinks links;
    private final QboSyncCommands commands;

    QboCustomerChangeHandler(QboLinks links, QboSyncCommands commands) {
        this.links = links;
        this.commands = commands;
    }

    @Override
    public Set<String> entities() {
        return Set.of("Customer");
    }

    @Override
    public void apply(UUID orgId, String realmId, String entity, ObjectNode record) {
        String qboId = QboCustomerMapping.text(record, "Id");
        links.localIdOf(orgId, QboEntity.CUSTOMER, realmId, qboId).ifPresent(clientId -> commands.send(
                new ApplyQboCustomerChange(orgId, clientId, realmId, QboCustomerMapping.customer(record))));
    }
}
