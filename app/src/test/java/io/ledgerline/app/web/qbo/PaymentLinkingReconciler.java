package io.ledgerline.app.web.qbo;

import static org.awaitility.Awaitility.await;

import io.ledgerline.app.integration.qbo.QboApi;
import io.ledgerline.app.integration.qbo.QboPlannedChange;
import io.ledgerline.app.integration.qbo.QboReconciler;
import io.ledgerline.domain.qbo.QboDirection;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboLinkOrigin;
import io.ledgerline.domain.qbo.QboLinked;
import io.ledgerline.domain.qbo.QboLinks;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.domain.qbo.QboSyncAttempted;
import io.ledgerline.domain.qbo.QboSyncPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * A reconciler for the force-resync job tests, built like the real ones on the QuickBooks API (the fake) and the
 * link registry: every QuickBooks payment without a link is planned as a pull, and carrying it out records the link.
 * Planning only reads, and once carried out nothing is planned again.
 * <p>
 * It is part of the one application context every integration test shares (a context of its own would be paused
 * and restarted by Spring's test context cache, which Axon's processors do not survive), so it acts only for the
 * organizations a test {@link #enrol enrols}. An organization put on {@link #hold} has its changes wait until
 * released, so a test can see a job while it runs.
 */
@Component
class PaymentLinkingReconciler implements QboReconciler {

    private static final Set<UUID> enrolled = ConcurrentHashMap.newKeySet();
    private static final Set<UUID> held = ConcurrentHashMap.newKeySet();

    private final QboApi api;
    private final QboLinks links;
    private final QboSyncPolicy policy;
    private final EventGateway events;

    PaymentLinkingReconciler(QboApi api, QboLinks links, QboSyncPolicy policy, EventGateway events) {
        this.api = api;
        this.links = links;
        this.policy = policy;
        this.events = events;
    }

    static void enrol(UUID orgId) {
        enrolled.add(orgId);
    }

    static void hold(UUID orgId) {
        held.add(orgId);
    }

    static void release(UUID orgId) {
        held.remove(orgId);
    }

    @Override
    public QboEntity entity() {
        return QboEntity.PAYMENT;
    }

    @Override
    public List<QboPlannedChange> plan(UUID orgId) {
        if (!enrolled.contains(orgId)) {
            return List.of();
        }
        String realmId = policy.active(orgId).orElseThrow().realmId();
        return api.query(orgId, "Payment", null).stream()
                .map(payment -> payment.get("Id").asString())
                .filter(id -> links.localIdOf(orgId, QboEntity.PAYMENT, realmId, id).isEmpty())
                .map(id -> new QboPlannedChange(QboEntity.PAYMENT, null, id, QboPlannedChange.Action.PULL,
                        "Payment " + id, "Not in Ledgerline yet"))
                .toList();
    }

    @Override
    public void carryOut(UUID orgId, QboPlannedChange change) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !held.contains(orgId));
        String realmId = policy.active(orgId).orElseThrow().realmId();
        UUID localId = UUID.nameUUIDFromBytes(("qbo-payment:" + realmId + ":" + change.qboId())
                .getBytes(StandardCharsets.UTF_8));
        events.publish(new QboLinked(orgId, QboEntity.PAYMENT, localId, realmId, change.qboId(),
                QboLinkOrigin.IMPORTED));
        events.publish(new QboSyncAttempted(orgId, QboEntity.PAYMENT, localId, realmId, change.qboId(),
                QboDirection.PULL, QboOperation.LINKED, null, null, null, null, null, null, null, "force resync"));
    }
}
