package io.ledgerline.app.integration.qbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class QboWebhookBodyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsTheLegacyShapeWithIntuitsOffsetWithoutAColon() {
        String body = """
                {"eventNotifications":[{"realmId":"1185883450","dataChangeEvent":{"entities":[
                  {"name":"Customer","id":"1","operation":"Create","lastUpdated":"2015-10-05T14:42:19-0700"},
                  {"name":"Invoice","id":"130","operation":"Void","lastUpdated":"2015-10-05T21:42:19.000Z"}]}}]}""";

        List<QboWebhookNotification> read = parse(body);

        assertThat(read).containsExactly(
                new QboWebhookNotification("1185883450", "Customer", "1", "Create",
                        Instant.parse("2015-10-05T21:42:19Z"),
                        "1185883450:Customer:1:Create:2015-10-05T14:42:19-0700"),
                new QboWebhookNotification("1185883450", "Invoice", "130", "Void",
                        Instant.parse("2015-10-05T21:42:19Z"),
                        "1185883450:Invoice:130:Void:2015-10-05T21:42:19.000Z"));
    }

    @Test
    void readsCloudEventsWithTheirVerbsAsTheApiNamesOperations() {
        String body = """
                [{"specversion":"1.0","id":"88cd52aa","source":"intuit.x","type":"qbo.invoice.voided.v1",
                  "time":"2025-09-10T21:31:25.179851517Z","intuitentityid":"1234","intuitaccountid":"310687","data":{}},
                 {"specversion":"1.0","id":"99aa","source":"intuit.x","type":"qbo.customer.merged.v1",
                  "time":"2025-09-10T21:31:26Z","intuitentityid":"7","intuitaccountid":"310688","data":{}}]""";

        List<QboWebhookNotification> read = parse(body);

        assertThat(read).extracting(QboWebhookNotification::realmId, QboWebhookNotification::entity,
                        QboWebhookNotification::operation, QboWebhookNotification::dedupeKey)
                .containsExactly(tuple("310687", "Invoice", "Void", "ce:88cd52aa"),
                        tuple("310688", "Customer", "Merge", "ce:99aa"));
        assertThat(read.get(0).lastUpdated()).isEqualTo(Instant.parse("2025-09-10T21:31:25.179851517Z"));
        assertThat(QboWebhookNotification.removesTheRecord(read.get(1).operation())).isTrue();
    }

    @Test
    void refusesWhatIsNeitherShape() {
        assertThatThrownBy(() -> parse("{\"eventNotifications\":{}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("[{\"type\":\"other.invoice.created\"}]"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("""
                [{"id":"1","type":"qbo.invoice.created.v1","time":"yesterday","intuitentityid":"1",
                  "intuitaccountid":"2"}]""")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<QboWebhookNotification> parse(String body) {
        return QboWebhookBody.parse(JSON, body.getBytes(StandardCharsets.UTF_8));
    }
}
