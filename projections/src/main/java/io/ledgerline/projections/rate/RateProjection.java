package io.ledgerline.projections.rate;

import io.ledgerline.domain.project.ProjectCreated;
import io.ledgerline.domain.project.ProjectDetailsChanged;
import io.ledgerline.domain.project.TaskAdded;
import io.ledgerline.domain.project.TaskChanged;
import io.ledgerline.domain.rate.HourlyRateScheduled;
import io.ledgerline.domain.rate.RateLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rate schedule that {@code ledger_rate} resolves from. Rows are keyed by the aggregate that recorded them
 * (origin), so each row follows only its own aggregate's events and a replay in any order comes out the same.
 * A project's rate and a task's rate override are schedules of the project: a change applies "from its date on",
 * replacing the project's own later points, while points set on the rate card stay.
 */
@Component
@ProcessingGroup(RateProjection.GROUP)
public class RateProjection {

    public static final String GROUP = "rates";

    static final String RATE_CARD = "rate_card";
    static final String PROJECT = "project";

    private final JdbcTemplate jdbc;

    public RateProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HourlyRateScheduled event, @SequenceNumber long version, @Timestamp Instant at) {
        UUID target = event.level() == RateLevel.ORGANIZATION ? event.orgId() : event.targetId();
        store(event.orgId(), event.level(), target, event.effectiveFrom(), RATE_CARD, event.hourlyRate(), at,
                version);
    }

    @EventHandler
    void on(ProjectCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        store(event.orgId(), RateLevel.PROJECT, event.projectId(), null, PROJECT, event.hourlyRate(), at, version);
    }

    @EventHandler
    void on(ProjectDetailsChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        applyFrom(event.orgId(), RateLevel.PROJECT, event.projectId(), event.rateEffectiveFrom(), event.hourlyRate(),
                at, version);
    }

    @EventHandler
    void on(TaskAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        store(event.orgId(), RateLevel.TASK, event.taskId(), null, PROJECT, event.rateOverride(), at, version);
    }

    @EventHandler
    void on(TaskChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        applyFrom(event.orgId(), RateLevel.TASK, event.taskId(), event.rateEffectiveFrom(), event.rateOverride(), at,
                version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rate_view");
    }

    /** "From this date on the rate is R": the project's own points after the date give way to it. */
    private void applyFrom(UUID orgId, RateLevel level, UUID target, LocalDate from, BigDecimal rate, Instant at,
                           long version) {
        jdbc.update("""
                        DELETE FROM rate_view WHERE org_id = ? AND level = ? AND target_id = ? AND origin = ?
                            AND effective_from > COALESCE(CAST(? AS date), '-infinity'::date) AND version < ?""",
                orgId, level.source(), target, PROJECT, date(from), version);
        store(orgId, level, target, from, PROJECT, rate, at, version);
    }

    private void store(UUID orgId, RateLevel level, UUID target, LocalDate from, String origin, BigDecimal rate,
                       Instant at, long version) {
        jdbc.update("""
                        INSERT INTO rate_view (org_id, level, target_id, effective_from, origin, hourly_rate,
                            recorded_at, version)
                        VALUES (?, ?, ?, COALESCE(CAST(? AS date), '-infinity'::date), ?, ?, ?, ?)
                        ON CONFLICT (org_id, level, target_id, effective_from, origin) DO UPDATE
                            SET hourly_rate = EXCLUDED.hourly_rate, recorded_at = EXCLUDED.recorded_at,
                                version = EXCLUDED.version
                            WHERE rate_view.version < EXCLUDED.version""",
                orgId, level.source(), target, date(from), origin, rate, java.sql.Timestamp.from(at), version);
    }

    private static java.sql.Date date(LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }
}
