package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.ApplyQboCustomerChange;
import io.ledgerline.domain.qbo.PushClientToQbo;
import io.ledgerline.domain.qbo.QboClientProfile;
import io.ledgerline.domain.qbo.QboClientProfiles;
import io.ledgerline.domain.qbo.QboCustomer;
import io.ledgerline.domain.qbo.QboCustomerFields;
import io.ledgerline.domain.qbo.QboCustomerGateway;
import io.ledgerline.domain.qbo.QboCustomerSync;
import io.ledgerline.domain.qbo.QboCustomerSyncState;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboSyncPolicy;
import io.ledgerline.domain.shared.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Force resync for clients and customers. Planning reads every customer (active or not) and compares the shared
 * fields of each linked pair: QuickBooks changed since the last sync → PULL, Ledgerline changed → UPDATE, both →
 * CONFLICT (the most recent change wins when carried out), neither but different → UPDATE. Each active client
 * without a customer is LINKed to a customer with its name and e-mail, or CREATEd. Carrying a change out sends the
 * same commands as the automatic sync, so a second plan right after finds nothing.
 */
@Component
class QboCustomerReconciler implements QboReconciler {

    private final QboApi api;
    private final QboSyncPolicy policy;
    private final QboClientProfiles clients;
    private final QboCustomerGateway customers;
    private final QboSyncCommands commands;
    private final EventStore events;
    private final JdbcTemplate jdbc;

    QboCustomerReconciler(QboApi api, QboSyncPolicy policy, QboClientProfiles clients, QboCustomerGateway customers,
                          QboSyncCommands commands, EventStore events, JdbcTemplate jdbc) {
        this.api = api;
        this.policy = policy;
        this.clients = clients;
        this.customers = customers;
        this.commands = commands;
        this.events = events;
        this.jdbc = jdbc;
    }

    @Override
    public QboEntity entity() {
        return QboEntity.CUSTOMER;
    }

    @Override
    public List<QboPlannedChange> plan(UUID orgId) {
        Optional<QboSyncPolicy.ActiveQbo> active = policy.active(orgId);
        if (active.isEmpty() || !active.get().settings().syncCustomers()) {
            return List.of();
        }
        String realmId = active.get().realmId();
        Map<String, QboCustomer> byId = new HashMap<>();
        api.query(orgId, "Customer", null).forEach(node -> remember(byId, node));
        api.query(orgId, "Customer", "Active = false").forEach(node -> remember(byId, node));

        List<QboPlannedChange> plan = new ArrayList<>();
        Set<String> linkedCustomers = new HashSet<>();
        for (Map<String, Object> link : jdbc.queryForList(
                "SELECT local_id, qbo_id FROM qbo_link WHERE org_id = ? AND entity = ? AND realm_id = ?",
                orgId, QboEntity.CUSTOMER.name(), realmId)) {
            UUID clientId = (UUID) link.get("local_id");
            String qboId = (String) link.get("qbo_id");
            linkedCustomers.add(qboId);
            QboCustomer customer = byId.get(qboId);
            clients.current(orgId, clientId).ifPresent(client -> {
                if (customer != null && customer.active()) {
                    compare(client, customer, state(clientId)).ifPresent(plan::add);
                }
            });
        }
        for (UUID clientId : jdbc.queryForList("""
                        SELECT client_id FROM client_registry r WHERE org_id = ? AND standing = 'ACTIVE'
                        AND NOT EXISTS (SELECT 1 FROM qbo_link l WHERE l.org_id = r.org_id AND l.entity = ?
                            AND l.local_id = r.client_id)""", UUID.class, orgId, QboEntity.CUSTOMER.name())) {
            clients.current(orgId, clientId).ifPresent(client -> plan.add(
                    sameCustomer(client, byId.values(), linkedCustomers)
                            .map(customer -> new QboPlannedChange(QboEntity.CUSTOMER, clientId, customer.id(),
                                    QboPlannedChange.Action.LINK, client.name(),
                                    "QuickBooks customer \u201C" + customer.displayName()
                                            + "\u201D has the client's name and e-mail."))
                            .orElseGet(() -> new QboPlannedChange(QboEntity.CUSTOMER, clientId, null,
                                    QboPlannedChange.Action.CREATE, client.name(),
                                    "No QuickBooks customer has the client's name and e-mail."))));
        }
        return plan;
    }

    @Override
    public void carryOut(UUID orgId, QboPlannedChange change) {
        switch (change.action()) {
            case PULL, CONFLICT -> customers.find(orgId, change.qboId()).ifPresent(customer -> commands.send(
                    new ApplyQboCustomerChange(orgId, change.localId(),
                            policy.requireCustomerSync(orgId).realmId(), customer)));
            // A LINK is carried out by the push too: it finds the customer by name and e-mail, links it and
            // brings it up to date, so the pair is in step afterwards.
            case CREATE, LINK, UPDATE -> commands.send(new PushClientToQbo(orgId, change.localId(), false));
        }
    }

    private Optional<QboPlannedChange> compare(QboClientProfile client, QboCustomer customer,
                                               QboCustomerSyncState state) {
        List<String> differences = QboCustomerFields.differences(client, customer);
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        boolean changedHere = state.changedSince(client);
        boolean changedThere = state.olderThan(customer.lastUpdatedTime());
        QboPlannedChange.Action action = changedHere && changedThere ? QboPlannedChange.Action.CONFLICT
                : changedThere ? QboPlannedChange.Action.PULL : QboPlannedChange.Action.UPDATE;
        return Optional.of(new QboPlannedChange(QboEntity.CUSTOMER, client.clientId(), customer.id(), action,
                client.name(), "Differs (Ledgerline / QuickBooks): " + String.join("; ", differences) + "."));
    }

    private QboCustomerSyncState state(UUID clientId) {
        QboCustomerSyncState state = QboCustomerSyncState.NEW;
        var stream = events.readEvents(QboCustomerSync.idFor(clientId).toString());
        while (stream.hasNext()) {
            state = state.after(stream.next().getPayload());
        }
        return state;
    }

    /** The same rule as a push's lookup: the client's name as sent, and the same e-mail (or none on either side). */
    private static Optional<QboCustomer> sameCustomer(QboClientProfile client, Iterable<QboCustomer> customers,
                                                      Set<String> linked) {
        String name = Names.normalize(QboCustomerFields.displayName(client.name()));
        String email = QboCustomerMapping.email(client.contact().email());
        for (QboCustomer customer : customers) {
            if (!linked.contains(customer.id()) && name.equals(Names.normalize(customer.displayName()))
                    && Objects.equals(email, QboCustomerMapping.email(customer.email()))) {
                return Optional.of(customer);
            }
        }
        return Optional.empty();
    }

    private static void remember(Map<String, QboCustomer> byId, ObjectNode node) {
        QboCustomer customer = QboCustomerMapping.customer(node);
        byId.putIfAbsent(customer.id(), customer);
    }
}
