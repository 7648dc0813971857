package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.QboClientProfile;
import io.ledgerline.domain.qbo.QboCustomer;
import io.ledgerline.domain.qbo.QboCustomerFields;
import io.ledgerline.domain.qbo.QboCustomerGateway;
import io.ledgerline.domain.qbo.QboCustomerPushOutcome;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboLinkOrigin;
import io.ledgerline.domain.qbo.QboLinks;
import io.ledgerline.domain.qbo.QboOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushes clients to QuickBooks as the contract's duplicate handling asks: before creating, look for a customer
 * with the name (active or not) and link it when its e-mail matches; when QuickBooks answers 6240 (the name is held
 * by a customer, vendor or employee), look who holds it, link a customer with the same e-mail, otherwise create
 * once more under "Name (2)", "Name (3)"… — a few times at most, never in a loop. Updates read the customer first
 * for its current SyncToken and retry once after a 5010.
 */
@Component
class QboCustomerPushes implements QboCustomerGateway {

    /** The plain name and three numbered ones: more than that means something else is wrong. */
    static final int MAX_NAMES = 4;

    private final QboApi api;
    private final QboLinks links;

    QboCustomerPushes(QboApi api, QboLinks links) {
        this.api = api;
        this.links = links;
    }

    @Override
    public Optional<QboCustomer> find(UUID orgId, String qboCustomerId) {
        try {
            return Optional.of(QboCustomerMapping.customer(api.read(orgId, "Customer", qboCustomerId).entity()));
        } catch (QboException e) {
            if (e.kind() == QboException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw QboRefusals.refusal(e);
        }
    }

    @Override
    public QboCustomerPushOutcome push(UUID orgId, String realmId, QboClientProfile client, String linkedQboId) {
        Push push = new Push(orgId, realmId, client);
        try {
            return linkedQboId == null ? push.create() : push.update(linkedQboId, null, null);
        } catch (QboException e) {
            return push.failed(e, linkedQboId);
        }
    }

    /** The customers, active or not, with exactly this DisplayName. */
    List<ObjectNode> customersNamed(UUID orgId, String displayName) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        String name = "DisplayName = " + QboApi.quote(displayName);
        api.query(orgId, "Customer", name).forEach(node -> byId.put(QboCustomerMapping.text(node, "Id"), node));
        api.query(orgId, "Customer", name + " AND Active = false")
                .forEach(node -> byId.putIfAbsent(QboCustomerMapping.text(node, "Id"), node));
        return new ArrayList<>(byId.values());
    }

    /** One push: what it sent last, for the sync log. */
    private final class Push {

        private final UUID orgId;
        private final String realmId;
        private final QboClientProfile client;
        private String requestId;
        private String payload;

        Push(UUID orgId, String realmId, QboClientProfile client) {
            this.orgId = orgId;
            this.realmId = realmId;
            this.client = client;
        }

        QboCustomerPushOutcome create() {
            String name = QboCustomerFields.displayName(client.name());
            Optional<ObjectNode> same = sameCustomer(name);
            if (same.isPresent()) {
                return matched(same.get(), "Found QuickBooks customer \u201C" + name
                        + "\u201D with the same name and e-mail, linked it instead of creating a second one.");
            }
            String holders = null;
            for (int attempt = 1; attempt <= MAX_NAMES; attempt++) {
                String candidate = attempt == 1 ? name : name + " (" + attempt + ")";
                ObjectNode body = QboCustomerMapping.newCustomer(client, candidate);
                sent(requestId("lc", "n" + attempt), body);
                try {
                    QboReply reply = api.create(orgId, "Customer", body, requestId);
                    String note = attempt == 1 ? null : "\u201C" + name + "\u201D is used in QuickBooks by "
                            + holders + ", so the customer was created as \u201C" + candidate + "\u201D.";
                    return outcome(QboOperation.CREATED, reply, QboLinkOrigin.CREATED, note);
                } catch (QboException e) {
                    if (e.kind() == QboException.Kind.DUPLICATE_NAME && attempt == 1) {
                        Optional<ObjectNode> holder = sameCustomer(name);
                        if (holder.isPresent()) {
                            return matched(holder.get(), "QuickBooks already had customer \u201C" + name
                                    + "\u201D with the same e-mail (6240), linked it.");
                        }
                        holders = holdersOf(name);
                    } else if (e.kind() != QboException.Kind.DUPLICATE_NAME) {
                        if (e.outcomeUnknown()) {
                            Optional<ObjectNode> made = sameCustomer(candidate);
                            if (made.isPresent()) {
                                return matched(made.get(), "The create's answer was lost; found the customer it "
                                        + "made by its name and linked it.");
                            }
                        }
                        throw e;
                    }
                }
            }
            return new QboCustomerPushOutcome(QboOperation.ERROR, null, null, requestId, null, null, null, null,
                    payload, "QuickBooks refused \u201C" + name + "\u201D and " + (MAX_NAMES - 1)
                    + " numbered variants of it as duplicate names. Rename the client, or the QuickBooks record "
                    + "that holds the name, and push again.");
        }

        QboCustomerPushOutcome update(String qboId, QboLinkOrigin newLink, String note) {
            JsonNode current = api.read(orgId, "Customer", qboId).entity();
            if (!QboCustomerMapping.active(current)) {
                return new QboCustomerPushOutcome(QboOperation.ERROR, qboId, newLink, null, null, null, null, null,
                        null, withNote(note, "The QuickBooks customer is inactive, so it was not changed (and no "
                        + "second customer was created). Make it active in QuickBooks, or unlink the client "
                        + "and push again to create a new customer."));
            }
            for (int attempt = 1; ; attempt++) {
                ObjectNode body = QboCustomerMapping.sparseUpdate(client, current);
                sent(requestId("lu", "t" + QboCustomerMapping.text(current, "SyncToken")), body);
                try {
                    return outcome(QboOperation.UPDATED, api.update(orgId, "Customer", body, requestId), newLink,
                            note);
                } catch (QboException e) {
                    if (e.kind() != QboException.Kind.STALE_OBJECT) {
                        throw e;
                    }
                    if (attempt == 2) {
                        return new QboCustomerPushOutcome(QboOperation.CONFLICT, qboId, newLink, requestId, null,
                                null, e.fault(), e.intuitTid(), payload, withNote(note, "QuickBooks changed the "
                                + "customer again while it was being updated (5010 twice); nothing was "
                                + "overwritten. The client's change is pushed with the next sync."));
                    }
                    current = api.read(orgId, "Customer", qboId).entity();
                }
            }
        }

        /** An existing customer is this client's: link it and bring it up to date. */
        private QboCustomerPushOutcome matched(ObjectNode customer, String note) {
            return update(QboCustomerMapping.text(customer, "Id"), QboLinkOrigin.MATCHED, note);
        }

        /** A customer with the name and the client's e-mail (or no e-mail on either side), not linked elsewhere. */
        private Optional<ObjectNode> sameCustomer(String displayName) {
            String email = QboCustomerMapping.email(client.contact().email());
            return customersNamed(orgId, displayName).stream()
                    .filter(node -> Objects.equals(email,
                            QboCustomerMapping.email(QboCustomerMapping.text(node.path("PrimaryEmailAddr"), "Address"))))
                    .filter(node -> links.localIdOf(orgId, QboEntity.CUSTOMER, realmId,
                            QboCustomerMapping.text(node, "Id")).isEmpty())
                    .findFirst();
        }

        private String holdersOf(String name) {
            List<String> holders = new ArrayList<>();
            List<ObjectNode> customers = customersNamed(orgId, name);
            if (!customers.isEmpty()) {
                holders.add(customers.stream().allMatch(QboCustomerMapping::active)
                        ? "another customer" : "an inactive customer");
            }
            String where = "DisplayName = " + QboApi.quote(name);
            if (!api.query(orgId, "Vendor", where).isEmpty()) {
                holders.add("a vendor");
            }
            if (!api.query(orgId, "Employee", where).isEmpty()) {
                holders.add("an employee");
            }
            return holders.isEmpty() ? "another record" : String.join(" and ", holders);
        }

        private void sent(String requestId, ObjectNode body) {
            this.requestId = requestId;
            this.payload = body.toString();
        }

        /**
         * Derived from the client and its version, so a retry of the same write is recognised by Intuit; at most
         * 50 characters as Intuit requires.
         */
        private String requestId(String kind, String suffix) {
            String id = kind + "-" + client.clientId().toString().replace("-", "") + "-v" + client.fieldsVersion()
                    + "-" + suffix;
            return id.length() <= 50 ? id : id.substring(0, 50);
        }

        private QboCustomerPushOutcome outcome(QboOperation operation, QboReply reply, QboLinkOrigin newLink,
                                               String note) {
            JsonNode customer = reply.entity();
            return new QboCustomerPushOutcome(operation, QboCustomerMapping.text(customer, "Id"), newLink, requestId,
                    QboCustomerMapping.text(customer, "SyncToken"), QboCustomerMapping.lastUpdated(customer), null,
                    reply.intuitTid(), payload, note);
        }

        QboCustomerPushOutcome failed(QboException e, String qboId) {
            QboOperation operation = e.transientFailure() ? QboOperation.DEFERRED : QboOperation.ERROR;
            return new QboCustomerPushOutcome(operation, qboId, null, requestId, null, null, e.fault(),
                    e.intuitTid(), payload, QboRefusals.customerNote(e));
        }
    }


    private static String withNote(String first, String second) {
        return first == null ? second : first + " " + second;
    }
}
