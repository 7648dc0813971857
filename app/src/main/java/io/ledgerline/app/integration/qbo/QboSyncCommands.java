package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.command.CommandMetadata;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends the commands the connection's background work records its outcomes with (change pulls, expiry, failures),
 * on the calling thread, with the sync itself as the actor of the audit trail.
 */
@Component
class QboSyncCommands {

    /** The actor of commands no person asked for. */
    static final String ACTOR = "qbo-sync";

    private final CommandGateway gateway;

    QboSyncCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    void send(Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(CommandMetadata.ACTOR, ACTOR)));
    }
}
