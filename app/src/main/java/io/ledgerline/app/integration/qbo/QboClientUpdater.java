package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.command.CommandMetadata;
import io.ledgerline.app.command.CommandOutcome;
import io.ledgerline.domain.client.BillingSettings;
import io.ledgerline.domain.client.ClientDirectory;
import io.ledgerline.domain.client.ContactDetails;
import io.ledgerline.domain.client.PostalAddress;
import io.ledgerline.domain.client.UpdateClientBilling;
import io.ledgerline.domain.client.UpdateClientGeneral;
import io.ledgerline.domain.qbo.QboClientProfile;
import io.ledgerline.domain.qbo.QboClientProfiles;
import io.ledgerline.domain.qbo.QboClientUpdates;
import io.ledgerline.domain.qbo.QboCustomer;
import io.ledgerline.domain.qbo.QboCustomerFields;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Takes a QuickBooks customer's shared fields over onto its client by the client's own commands, sent within the
 * sync's unit of work (so in its transaction) and as the actor {@value QboClientUpdates#ACTOR}.
 */
@Component
class QboClientUpdater implements QboClientUpdates {

    private static final PostalAddress CLEARED = new PostalAddress("", "", "", "", "", "");

    private final CommandGateway commands;
    private final QboClientProfiles clients;
    private final ClientDirectory directory;
    private final EventStore events;

    QboClientUpdater(CommandGateway commands, QboClientProfiles clients, ClientDirectory directory,
                     EventStore events) {
        this.commands = commands;
        this.clients = clients;
        this.directory = directory;
        this.events = events;
    }

    @Override
    public Applied apply(UUID orgId, UUID clientId, QboCustomer customer) {
        QboClientProfile before = clients.current(orgId, clientId).orElseThrow();
        String note = null;
        // A renamed customer keeps the client's name when QuickBooks' one is just the client's disambiguated, or
        // when another client has it: a unique-name refusal would undo the whole pull.
        String name = null;
        if (customer.displayName() != null && !QboCustomerFields.sameName(before.name(), customer.displayName())) {
            if (directory.nameTaken(orgId, customer.displayName(), clientId)) {
                note = "The name \u201C" + customer.displayName() + "\u201D was not taken over: another client has it.";
            } else {
                name = customer.displayName();
            }
        }
        long lastEvent = events.lastSequenceNumberFor(clientId.toString()).orElse(-1L);
        send(new UpdateClientGeneral(orgId, clientId, name,
                new ContactDetails(orEmpty(customer.email()), orEmpty(customer.phone()), orEmpty(customer.website()),
                        null), null));
        CommandOutcome billing = send(new UpdateClientBilling(orgId, clientId,
                new BillingSettings(orEmpty(customer.contactName()), null,
                        customer.billAddr() == null ? CLEARED : customer.billAddr(), null, null, null, null)));
        // Each command answers with the client's version afterwards: past the last event, it changed something.
        boolean changed = billing.version() > lastEvent;
        return new Applied(changed ? billing.version() : before.fieldsVersion(), changed, note);
    }

    private CommandOutcome send(Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(CommandMetadata.ACTOR, ACTOR)));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
