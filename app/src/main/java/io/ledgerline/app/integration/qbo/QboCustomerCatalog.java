package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.domain.qbo.ImportQboCustomer;
import io.ledgerline.domain.qbo.LinkClientToQbo;
import io.ledgerline.domain.qbo.QboCustomer;
import io.ledgerline.domain.qbo.QboCustomerGateway;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboLinks;
import io.ledgerline.domain.qbo.QboSyncPolicy;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import io.ledgerline.projections.qbo.QboCustomerLinkQueries;
import io.ledgerline.projections.qbo.QboCustomerLinkQueries.UnlinkedClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ObjectNode;

/**
 * The QuickBooks customer list as the import and link screens need it, and the import itself: one
 * {@link ImportQboCustomer} per chosen customer, skipping customers already linked and reporting (or, when asked,
 * linking) the clients whose name a customer already has.
 */
@Component
public class QboCustomerCatalog {

    private final QboApi api;
    private final QboSyncPolicy policy;
    private final QboLinks links;
    private final QboCustomerGateway customers;
    private final QboCustomerLinkQueries linkQueries;
    private final CommandDispatcher commands;
    private final JdbcTemplate jdbc;

    QboCustomerCatalog(QboApi api, QboSyncPolicy policy, QboLinks links, QboCustomerGateway customers,
                       QboCustomerLinkQueries linkQueries, CommandDispatcher commands, JdbcTemplate jdbc) {
        this.api = api;
        this.policy = policy;
        this.links = links;
        this.customers = customers;
        this.linkQueries = linkQueries;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    /** A customer in the list, with its client when linked, or the client it probably duplicates. */
    public record Entry(String id, String displayName, String companyName, String email, String phone,
                       boolean active, UUID linkedClientId, ProbableDuplicate probableDuplicate) {
    }

    /** @param reason {@code name} (the same name, normalized) or {@code email} */
    public record ProbableDuplicate(UUID clientId, String reason) {
    }

    /**
     * @param outcome {@code imported}, {@code skipped} (already linked), {@code duplicate}, {@code linked},
     *                {@code not_found} or {@code failed} (the client could not be created; {@code detail} says why)
     */
    public record Imported(String qboCustomerId, String outcome, UUID clientId, String detail) {
    }

    /** Every customer (through the query API's pages), optionally only those whose DisplayName contains {@code search}. */
    public Mono<List<Entry>> list(UUID orgId, String search, boolean includeInactive) {
        return Mono.fromCallable(() -> {
                    String realmId = policy.requireCustomerSync(orgId).realmId();
                    return new Fetched(realmId, fetch(orgId, search, includeInactive));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(fetched -> Mono.zip(linkQueries.linkedClients(orgId, fetched.realmId()),
                                linkQueries.unlinkedClients(orgId).collectList())
                        .map(known -> fetched.nodes().stream()
                                .map(node -> entry(node, known.getT1(), known.getT2()))
                                .toList()));
    }

    private record Fetched(String realmId, List<ObjectNode> nodes) {
    }

    private List<ObjectNode> fetch(UUID orgId, String search, boolean includeInactive) {
        try {
            String where = search == null ? null : "DisplayName LIKE " + QboApi.quote("%" + search + "%");
            Map<String, ObjectNode> byId = new LinkedHashMap<>();
            api.query(orgId, "Customer", where).forEach(node -> byId.put(QboCustomerMapping.text(node, "Id"), node));
            if (includeInactive) {
                api.query(orgId, "Customer", where == null ? "Active = false" : where + " AND Active = false")
                        .forEach(node -> byId.putIfAbsent(QboCustomerMapping.text(node, "Id"), node));
            }
            List<ObjectNode> nodes = new ArrayList<>(byId.values());
            nodes.sort(Comparator.comparing(node -> String.valueOf(
                    QboCustomerMapping.text(node, "DisplayName")).toLowerCase(Locale.ROOT)));
            return nodes;
        } catch (QboException e) {
            throw QboRefusals.refusal(e);
        }
    }

    private static Entry entry(ObjectNode node, Map<String, UUID> linked, List<UnlinkedClient> unlinked) {
        QboCustomer customer = QboCustomerMapping.customer(node);
        UUID linkedClient = linked.get(customer.id());
        return new Entry(customer.id(), customer.displayName(), customer.companyName(), customer.email(),
                customer.phone(), customer.active(), linkedClient,
                linkedClient == null ? probableDuplicate(customer, unlinked) : null);
    }

    private static ProbableDuplicate probableDuplicate(QboCustomer customer, List<UnlinkedClient> clients) {
        String name = Names.normalize(customer.displayName());
        for (UnlinkedClient client : clients) {
            if (name != null && name.equals(Names.normalize(client.name()))) {
                return new ProbableDuplicate(client.clientId(), "name");
            }
        }
        String email = customer.email() == null ? null : customer.email().trim().toLowerCase(Locale.ROOT);
        for (UnlinkedClient client : clients) {
            if (client.hasEmail(email)) {
                return new ProbableDuplicate(client.clientId(), "email");
            }
        }
        return null;
    }

    /** Imports the customers one after the other; each answer says what became of one customer. */
    public Flux<Imported> importCustomers(UUID orgId, List<String> qboCustomerIds, boolean linkDuplicates) {
        return Mono.fromCallable(() -> policy.requireCustomerSync(orgId).realmId())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(realmId -> Flux.fromIterable(qboCustomerIds.stream().distinct().toList())
                        .concatMap(id -> importOne(orgId, realmId, id, linkDuplicates)));
    }

    private Mono<Imported> importOne(UUID orgId, String realmId, String qboCustomerId, boolean linkDuplicates) {
        return Mono.fromCallable(() -> decide(orgId, realmId, qboCustomerId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(decision -> switch (decision.outcome()) {
                    case "import" -> commands.send(new ImportQboCustomer(orgId, decision.clientId(), realmId,
                                    decision.customer()))
                            .thenReturn(new Imported(qboCustomerId, "imported", decision.clientId(), null))
                            .onErrorResume(BusinessRuleViolation.class, refused -> Mono.just(new Imported(
                                    qboCustomerId, "failed", null, refused.code() + ": " + refused.getMessage())));
                    case "duplicate" -> linkDuplicates
                            ? commands.send(new LinkClientToQbo(orgId, decision.clientId(), qboCustomerId))
                                    .thenReturn(new Imported(qboCustomerId, "linked", decision.clientId(),
                                            "Linked to the client with the same name."))
                                    .onErrorResume(BusinessRuleViolation.class, refused -> Mono.just(new Imported(
                                            qboCustomerId, "duplicate", decision.clientId(), refused.getMessage())))
                            : Mono.just(new Imported(qboCustomerId, "duplicate", decision.clientId(),
                                    "A client with this name exists; import with linkDuplicates to link them."));
                    default -> Mono.just(new Imported(qboCustomerId, decision.outcome(), decision.clientId(),
                            decision.detail()));
                });
    }

    private record Decision(String outcome, UUID clientId, QboCustomer customer, String detail) {
    }

    private Decision decide(UUID orgId, String realmId, String qboCustomerId) {
        Optional<UUID> linked = links.localIdOf(orgId, QboEntity.CUSTOMER, realmId, qboCustomerId);
        if (linked.isPresent()) {
            return new Decision("skipped", linked.get(), null, "Already linked to this client.");
        }
        Optional<QboCustomer> customer = customers.find(orgId, qboCustomerId);
        if (customer.isEmpty()) {
            return new Decision("not_found", null, null, "QuickBooks has no customer with this Id.");
        }
        Optional<UUID> sameName = jdbc.queryForList(
                        "SELECT client_id FROM client_registry WHERE org_id = ? AND name_key = ?", UUID.class, orgId,
                        Names.normalize(customer.get().displayName()))
                .stream().findFirst();
        if (sameName.isPresent()) {
            return new Decision("duplicate", sameName.get(), customer.get(), null);
        }
        return new Decision("import", QboCustomerImporter.clientIdFor(orgId, realmId, qboCustomerId),
                customer.get(), null);
    }
}
