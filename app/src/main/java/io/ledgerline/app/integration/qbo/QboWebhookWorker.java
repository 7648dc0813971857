package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.integration.PeriodicWorker;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies stored webhook notifications, on one thread of its own: woken when a delivery stored something, and every
 * few seconds for retries. Each organization's notifications are applied one after the other in QuickBooks'
 * {@code lastUpdated} order; when one has to wait, the later ones of that organization wait behind it.
 * <p>
 * A notification is re-read from QuickBooks (a webhook says only that something changed) and handed to the change
 * handlers, which apply a record only when it is newer than what they hold, so a late or repeated notification
 * does no harm. Throttled or unavailable: tried again later. Authorization lost: left until the reconnect. Refused
 * for good: marked failed with the reason.
 */
@Component
public class QboWebhookWorker extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(QboWebhookWorker.class);

    private static final Duration SWEEP = Duration.ofSeconds(2);
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(15);
    private static final int BATCH = 200;
    /** A failure that is not QuickBooks' answer (a bug, a database hiccup) gets this many tries. */
    private static final int MAX_UNEXPECTED_FAILURES = 5;

    private final JdbcTemplate jdbc;
    private final QboApi api;
    private final QboChangeHandlers handlers;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    QboWebhookWorker(JdbcTemplate jdbc, QboApi api, QboChangeHandlers handlers, JsonMapper json) {
        super("qbo-webhooks", SWEEP);
        this.jdbc = jdbc;
        this.api = api;
        this.handlers = handlers;
        this.json = json;
    }

    private record Pending(long id, UUID orgId, String realmId, String entity, String entityId, String operation,
                           Instant lastUpdated, int attempts) {
    }

    /** Asks for a drain soon; wakes coalesce while one is already waiting to run. */
    public void wake() {
        runSoon();
    }

    @Override
    protected void runOnce() {
        drain();
    }

    /** Applies everything due now; for tests and the sweep. */
    void drain() {
        try {
            Set<UUID> waiting = new HashSet<>();
            for (Pending pending : due()) {
                if (!waiting.contains(pending.orgId()) && !apply(pending)) {
                    waiting.add(pending.orgId());
                }
            }
        } catch (RuntimeException e) {
            log.error("The QuickBooks webhook worker could not read its inbox", e);
        }
    }

    /** Due rows of organizations whose connection syncs now, each organization's in QuickBooks' order. */
    private List<Pending> due() {
        return jdbc.query("""
                        SELECT i.* FROM qbo_webhook_inbox i
                        JOIN qbo_connection_state s ON s.org_id = i.org_id AND s.realm_id = i.realm_id
                        WHERE i.processed_at IS NULL AND i.failed_at IS NULL AND i.next_attempt_at <= ?
                          AND s.status IN ('CONNECTED', 'ERROR')
                        ORDER BY i.org_id, i.last_updated, i.id
                        LIMIT ?""",
                (rs, i) -> new Pending(rs.getLong("id"), rs.getObject("org_id", UUID.class), rs.getString("realm_id"),
                        rs.getString("entity"), rs.getString("entity_id"), rs.getString("operation"),
                        rs.getTimestamp("last_updated").toInstant(), rs.getInt("attempts")),
                Timestamp.from(clock.instant()), BATCH);
    }

    /** @return whether the organization's later notifications may go on */
    private boolean apply(Pending pending) {
        try {
            if (handlers.handles(pending.entity())) {
                handlers.apply(pending.orgId(), pending.realmId(), pending.entity(), record(pending));
            }
            jdbc.update("UPDATE qbo_webhook_inbox SET processed_at = ?, attempts = attempts + 1 WHERE id = ?",
                    Timestamp.from(clock.instant()), pending.id());
            return true;
        } catch (QboException e) {
            switch (e.kind()) {
                case THROTTLED, UNAVAILABLE -> retryLater(pending, e.retryAfterSeconds(), e.getMessage());
                case AUTHORIZATION_EXPIRED, NOT_CONNECTED -> {
                    // The connection is (about to be) marked expired: the row waits for the reconnect.
                }
                default -> fail(pending, e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            log.warn("Applying QuickBooks notification {} ({} {} {}) failed", pending.id(), pending.entity(),
                    pending.entityId(), pending.operation(), e);
            if (pending.attempts() + 1 >= MAX_UNEXPECTED_FAILURES) {
                fail(pending, e.toString());
            } else {
                retryLater(pending, 0, e.toString());
            }
            return false;
        }
    }

    /** QuickBooks' current record; a deletion leaves only its id and time, as change data capture reports it. */
    private ObjectNode record(Pending pending) {
        if (!QboWebhookNotification.removesTheRecord(pending.operation())) {
            return api.read(pending.orgId(), pending.entity(), pending.entityId()).entity();
        }
        ObjectNode deleted = json.createObjectNode();
        deleted.put("Id", pending.entityId());
        deleted.putObject("MetaData").put("LastUpdatedTime", pending.lastUpdated().toString());
        deleted.put("status", "Deleted");
        return deleted;
    }

    private void retryLater(Pending pending, long retryAfterSeconds, String reason) {
        long backoff = retryAfterSeconds > 0 ? retryAfterSeconds
                : Math.min(1L << Math.min(pending.attempts() + 1, 20), LONGEST_BACKOFF.toSeconds());
        jdbc.update("UPDATE qbo_webhook_inbox SET attempts = attempts + 1, next_attempt_at = ?, failure = ? "
                + "WHERE id = ?", Timestamp.from(clock.instant().plusSeconds(backoff)), truncate(reason), pending.id());
    }

    private void fail(Pending pending, String reason) {
        log.warn("QuickBooks notification {} ({} {} {}) failed for good: {}", pending.id(), pending.entity(),
                pending.entityId(), pending.operation(), reason);
        jdbc.update("UPDATE qbo_webhook_inbox SET attempts = attempts + 1, failed_at = ?, failure = ? WHERE id = ?",
                Timestamp.from(clock.instant()), truncate(reason), pending.id());
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}
