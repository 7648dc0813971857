package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.command.CommandMetadata;
import io.ledgerline.domain.qbo.ApplyQboCustomerChange;
import io.ledgerline.domain.qbo.QboClientUpdates;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboLinks;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
    private final CommandGateway commands;

    QboCustomerChangeHandler(QboLinks links, CommandGateway commands) {
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
        links.localIdOf(orgId, QboEntity.CUSTOMER, realmId, qboId).ifPresent(clientId -> commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(new ApplyQboCustomerChange(orgId, clientId, realmId,
                                QboCustomerMapping.customer(record)))
                        .andMetaData(Map.of(CommandMetadata.ACTOR, QboClientUpdates.ACTOR))));
    }
}
