package io.ledgerline.app.processing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code eventProcessors} in {@code /actuator/health}: DOWN while any processor is in error (a read model has
 * stopped following the log). Dead letters are reported per processing group but do not turn it DOWN: the
 * processor goes on with the other sequences, and an operator deals with the parked events.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessors processors;
    private final JdbcTemplate jdbc;

    EventProcessorsHealthIndicator(EventProcessors processors, JdbcTemplate jdbc) {
        this.processors = processors;
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean anyError = false;
        for (String name : processors.names()) {
            ProcessorStatus status = processors.status(name, null);
            anyError |= status.error();
            details.put(name, Map.of("mode", status.mode(), "running", status.running(), "error", status.error(),
                    "replaying", status.replaying(), "caughtUp", status.caughtUp()));
        }
        Map<String, Long> deadLetters = new LinkedHashMap<>();
        jdbc.query("SELECT processinggroup, count(*) FROM deadletterentry GROUP BY processinggroup ORDER BY 1",
                row -> {
                    deadLetters.put(row.getString(1), row.getLong(2));
                });
        return (anyError ? Health.down() : Health.up())
                .withDetail("processors", details)
                .withDetail("deadLetters", deadLetters)
                .build();
    }
}
