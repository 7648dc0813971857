package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.registry.QboConnectionRegistry;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes webhook deliveries in: checks Intuit's signature over the raw bytes, and stores each notification for a
 * connected company once. Nothing here calls QuickBooks, so the delivery is acknowledged within Intuit's 3 seconds;
 * {@link QboWebhookWorker} applies the notifications afterwards.
 */
@Component
public class QboWebhookInbox {

    private static final Logger log = LoggerFactory.getLogger(QboWebhookInbox.class);

    private final JdbcTemplate jdbc;
    private final QboConnectionRegistry connections;
    private final QboProperties properties;
    private final JsonMapper json;
    private final QboWebhookWorker worker;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    QboWebhookInbox(JdbcTemplate jdbc, QboConnectionRegistry connections, QboProperties properties,
                    JsonMapper json, QboWebhookWorker worker, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.properties = properties;
        this.json = json;
        this.worker = worker;
        this.transactions = transactions;
    }

    /** What became of a delivery's notifications. */
    public record Received(int stored, int duplicates, int dropped) {
    }

    /** Whether {@code signature} is base64(HMAC-SHA256(verifier token, body)), compared in constant time. */
    public boolean signedByIntuit(byte[] body, String signature) {
        String verifier = properties.webhookVerifierToken();
        if (verifier == null || verifier.isBlank() || signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(verifier.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return MessageDigest.isEqual(mac.doFinal(body), given);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java platform has HmacSHA256", e);
        }
    }

    /**
     * Stores the notifications of a signed delivery. A company no organization is connected to (or one that was
     * disconnected) is acknowledged and dropped, so that Intuit's queue for it does not stall.
     *
     * @throws IllegalArgumentException when the body is neither of Intuit's shapes
     */
    public Received receive(byte[] body) {
        List<QboWebhookNotification> notifications = QboWebhookBody.parse(json, body);
        // Stored whole, so that the worker never sees half a delivery and applies its later change first.
        Received received = transactions.execute(status -> store(notifications));
        if (received.stored() > 0) {
            worker.wake();
        }
        return received;
    }

    private Received store(List<QboWebhookNotification> notifications) {
        Instant now = clock.instant();
        int stored = 0;
        int duplicates = 0;
        int dropped = 0;
        for (QboWebhookNotification notification : notifications) {
            List<QboConnectionRegistry.Connection> connected = connections.connectedTo(notification.realmId());
            if (connected.isEmpty()) {
                log.info("Dropped a QuickBooks webhook notification for company {} ({} {} {}): no organization is "
                                + "connected to it", notification.realmId(), notification.entity(),
                        notification.entityId(), notification.operation());
                dropped++;
                continue;
            }
            for (QboConnectionRegistry.Connection connection : connected) {
                int inserted = jdbc.update("""
                                INSERT INTO qbo_webhook_inbox (org_id, realm_id, dedupe_key, entity, entity_id, operation,
                                    last_updated, received_at, next_attempt_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                                ON CONFLICT (org_id, dedupe_key) DO NOTHING""",
                        connection.orgId(), notification.realmId(), notification.dedupeKey(), notification.entity(),
                        notification.entityId(), notification.operation(), Timestamp.from(notification.lastUpdated()),
                        Timestamp.from(now), Timestamp.from(now));
                if (inserted == 1) {
                    stored++;
                } else {
                    duplicates++;
                }
            }
        }
        return new Received(stored, duplicates, dropped);
    }
}
