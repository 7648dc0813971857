package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.registry.QboConnectionRegistry;
import io.ledgerline.domain.qbo.QboConnection;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.RecordQboChangesPulled;
import io.ledgerline.domain.qbo.RecordQboConnectionFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pulls what changed in QuickBooks since each connection's checkpoint (change data capture) and hands every changed
 * record to the change handlers. Webhooks can be lost; this is what makes sure nothing is.
 * <p>
 * Change data capture reaches back 30 days and answers at most 1,000 objects across all entities. A checkpoint older
 * than that, or a saturated answer, is read by full queries on {@code MetaData.LastUpdatedTime} instead, and only a
 * window read completely moves the checkpoint. The next window starts a little before this pull started, since a
 * change committed while the pull ran may carry an earlier time; handlers ignore what they already applied.
 */
@Component
public class QboChangesPuller {

    private static final Logger log = LoggerFactory.getLogger(QboChangesPuller.class);

    /** Customers first: an invoice or payment refers to its customer. */
    static final List<String> ENTITIES = List.of("Customer", "Invoice", "Payment");
    /** Intuit's 30 days, less a margin so that a checkpoint on the edge does not fall out while the call travels. */
    static final Duration CDC_REACH = Duration.ofDays(30).minusHours(1);
    static final Duration OVERLAP = Duration.ofMinutes(1);
    /** Throttled or unavailable this many pulls in a row: the card shows an error. */
    private static final int TRANSIENT_FAILURES_BEFORE_ERROR = 3;
    private static final DateTimeFormatter QUERY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final QboApi api;
    private final QboChangeHandlers handlers;
    private final QboConnectionRegistry connections;
    private final QboSyncCommands commands;
    private final Clock clock = Clock.systemUTC();
    private final Map<UUID, ReentrantLock> pulling = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> transientFailures = new ConcurrentHashMap<>();

    QboChangesPuller(QboApi api, QboChangeHandlers handlers, QboConnectionRegistry connections,
                     QboSyncCommands commands) {
        this.api = api;
        this.handlers = handlers;
        this.connections = connections;
        this.commands = commands;
    }

    /** What a round over every connection did. */
    public record Round(int connections, int changes) {
    }

    /** Pulls for every connection that syncs now (an expired one waits for its reconnect), one after the other. */
    public Round pullAll() {
        int pulled = 0;
        int changes = 0;
        for (QboConnectionRegistry.Connection connection : connections.syncing()) {
            pulled++;
            changes += pull(connection.orgId());
        }
        return new Round(pulled, changes);
    }

    /**
     * One organization's pull; a pull already running for it is waited for, and this one then starts from where
     * that one ended.
     *
     * @return how many changed records were applied; 0 when the pull failed (it is retried next time)
     */
    public int pull(UUID orgId) {
        ReentrantLock lock = pulling.computeIfAbsent(orgId, id -> new ReentrantLock());
        lock.lock();
        try {
            return connections.connection(orgId)
                    .filter(QboConnectionRegistry.Connection::syncing)
                    .map(this::pull)
                    .orElse(0);
        } finally {
            lock.unlock();
        }
    }

    private int pull(QboConnectionRegistry.Connection connection) {
        UUID orgId = connection.orgId();
        Instant started = clock.instant();
        Instant since = connection.changesCheckpoint();
        try {
            boolean fullResync = since.isBefore(started.minus(CDC_REACH));
            boolean saturated = false;
            Map<String, List<ObjectNode>> changed = null;
            if (!fullResync) {
                QboChanges changes = api.changes(orgId, new LinkedHashSet<>(ENTITIES), since);
                saturated = changes.saturated();
                fullResync = saturated;
                changed = changes.changed();
            }
            if (fullResync) {
                changed = queryEverythingChangedSince(orgId, since);
            }
            int count = apply(connection, changed);
            Instant checkpoint = started.minus(OVERLAP);
            commands.send(new RecordQboChangesPulled(orgId, QboConnection.idOf(orgId), connection.realmId(), since,
                    checkpoint.isAfter(since) ? checkpoint : since, count, saturated, fullResync));
            transientFailures.remove(orgId);
            return count;
        } catch (QboException e) {
            failed(connection, e);
            return 0;
        } catch (RuntimeException e) {
            log.error("Applying QuickBooks changes for organization {} failed; the window is pulled again next time",
                    orgId, e);
            return 0;
        }
    }

    private Map<String, List<ObjectNode>> queryEverythingChangedSince(UUID orgId, Instant since) {
        Map<String, List<ObjectNode>> changed = new LinkedHashMap<>();
        for (String entity : ENTITIES) {
            changed.put(entity, api.query(orgId, entity,
                    "MetaData.LastUpdatedTime >= " + QboApi.quote(QUERY_TIME.format(since))));
        }
        return changed;
    }

    /** Each entity's records in the order QuickBooks changed them. */
    private int apply(QboConnectionRegistry.Connection connection, Map<String, List<ObjectNode>> changed) {
        int count = 0;
        for (String entity : ENTITIES) {
            List<ObjectNode> records = new ArrayList<>(changed.getOrDefault(entity, List.of()));
            records.sort(Comparator.comparing(QboChangesPuller::lastUpdated));
            for (ObjectNode record : records) {
                handlers.apply(connection.orgId(), connection.realmId(), entity, record);
            }
            count += records.size();
        }
        return count;
    }

    private static String lastUpdated(ObjectNode record) {
        return record.path("MetaData").path("LastUpdatedTime").asString("");
    }

    /**
     * Authorization trouble is the connection's expiry (recorded where Intuit refused the tokens). A refusal for any
     * other reason shows on the card at once; throttling and outages only when they last.
     */
    private void failed(QboConnectionRegistry.Connection connection, QboException e) {
        UUID orgId = connection.orgId();
        log.warn("Pulling QuickBooks changes for organization {} failed: {}", orgId, e.getMessage());
        switch (e.kind()) {
            case AUTHORIZATION_EXPIRED, NOT_CONNECTED -> {
                return;
            }
            case THROTTLED, UNAVAILABLE -> {
                if (transientFailures.merge(orgId, 1, Integer::sum) < TRANSIENT_FAILURES_BEFORE_ERROR) {
                    return;
                }
            }
            default -> {
            }
        }
        QboFault fault = e.fault() != null ? e.fault()
                : new QboFault(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), null, null);
        commands.send(new RecordQboConnectionFailure(orgId, QboConnection.idOf(orgId), connection.realmId(), fault));
    }
}
