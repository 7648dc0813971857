package io.ledgerline.app.integration.qbo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a webhook delivery in either shape Intuit sends: the legacy {@code eventNotifications} object, or the
 * CloudEvents array (one delivery may then mix companies).
 */
final class QboWebhookBody {

    /** CloudEvents name the verb in the past tense and lower case; the API and the legacy shape use these. */
    private static final Map<String, String> OPERATIONS = Map.of("created", "Create", "updated", "Update",
            "deleted", "Delete", "merged", "Merge", "voided", "Void", "emailed", "Emailed");

    /** Intuit writes offsets with and without a colon, and fractions of any length. */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter(Locale.ROOT);

    private QboWebhookBody() {
    }

    /** @throws IllegalArgumentException when the body is neither shape */
    static List<QboWebhookNotification> parse(ObjectMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The body is not JSON.");
        }
        if (root != null && root.isArray()) {
            return cloudEvents(root);
        }
        if (root != null && root.isObject() && root.path("eventNotifications").isArray()) {
            return legacy(root.path("eventNotifications"));
        }
        throw new IllegalArgumentException("The body is neither eventNotifications nor a CloudEvents array.");
    }

    private static List<QboWebhookNotification> legacy(JsonNode notifications) {
        List<QboWebhookNotification> changes = new ArrayList<>();
        for (JsonNode notification : notifications) {
            String realmId = required(notification, "realmId");
            for (JsonNode entity : notification.path("dataChangeEvent").path("entities")) {
                String name = required(entity, "name");
                String id = required(entity, "id");
                String operation = required(entity, "operation");
                String lastUpdated = required(entity, "lastUpdated");
                changes.add(new QboWebhookNotification(realmId, name, id, operation, time(lastUpdated),
                        String.join(":", realmId, name, id, operation, lastUpdated)));
            }
        }
        return changes;
    }

    private static List<QboWebhookNotification> cloudEvents(JsonNode events) {
        List<QboWebhookNotification> changes = new ArrayList<>();
        for (JsonNode event : events) {
            String[] type = required(event, "type").split("\\.");
            if (type.length < 3 || !type[0].equals("qbo")) {
                throw new IllegalArgumentException("A CloudEvent type is not qbo.<entity>.<verb>.v1.");
            }
            String entity = type[1].isEmpty() ? type[1]
                    : type[1].substring(0, 1).toUpperCase(Locale.ROOT) + type[1].substring(1);
            String verb = type[2].toLowerCase(Locale.ROOT);
            String operation = OPERATIONS.getOrDefault(verb, verb);
            changes.add(new QboWebhookNotification(required(event, "intuitaccountid"), entity,
                    required(event, "intuitentityid"), operation, time(required(event, "time")),
                    "ce:" + required(event, "id")));
        }
        return changes;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asString().isBlank()) {
            throw new IllegalArgumentException("A notification lacks '" + field + "'.");
        }
        return value.asString();
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text, TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("A notification's time is not ISO 8601.");
        }
    }
}
