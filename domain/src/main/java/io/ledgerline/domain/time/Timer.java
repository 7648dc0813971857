package io.ledgerline.domain.time;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.ExpectedVersion;
import io.ledgerline.domain.shared.OrgScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's one timer. It runs on a project (and maybe a task) from the instant it is started; stopping it logs
 * the run as a time entry on the date it started, in the organization's time zone, even if it ran past midnight.
 */
@Aggregate
public class Timer {

    private static final long SECONDS_PER_MINUTE = 60;

    @AggregateIdentifier
    private UUID timerId;
    private UUID orgId;
    private UUID memberId;
    private Run run;

    /** What the timer runs for, since when; {@code null} while it is stopped. */
    private record Run(UUID projectId, UUID taskId, String description, Boolean billable, String jiraIssueKey,
                       Instant startedAt) {
    }

    protected Timer() {
        // for Axon, and for a member's first timer
    }

    // Every command may find the timer new (created if missing), where Axon does not check If-Match: each handler does.

    /** One timer per member, found without a lookup; never the id of any other aggregate. */
    public static UUID idOf(UUID memberId) {
        return UUID.nameUUIDFromBytes(("timer:" + memberId).getBytes(StandardCharsets.UTF_8));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartTimer command, BookableWork bookable,
                       @MetaDataValue(ExpectedVersion.METADATA_KEY) Long expectedVersion) {
        requireSameOrganization(command);
        ExpectedVersion.check(command.timerId(), expectedVersion);
        if (run != null) {
            throw BusinessRuleViolation.conflict("timer.running",
                    "The timer is running already; stop it before starting it again.");
        }
        if (command.memberId() == null || !idOf(command.memberId()).equals(command.timerId())) {
            throw BusinessRuleViolation.unprocessable("timer.id_mismatch", "The timer id is not the member's.");
        }
        String description = Booking.description(command.description());
        String jiraIssueKey = JiraIssueKeys.valid(command.jiraIssueKey());
        Booking.requireActiveMember(bookable, command.orgId(), command.memberId());
        // Checked now, so that a timer never runs on work it could not be logged on; checked again when stopped.
        Booking.on(bookable, command.orgId(), command.projectId(), command.taskId(), command.billable());
        apply(new TimerStarted(command.orgId(), command.timerId(), command.memberId(), command.projectId(),
                command.taskId(), description, command.billable(), jiraIssueKey, command.startedAt()));
    }

    /** @return the stop, to log as a time entry; {@code null} when the timer was not running */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public TimerStopped handle(StopTimer command, OrganizationTimeZones zones,
                               @MetaDataValue(ExpectedVersion.METADATA_KEY) Long expectedVersion) {
        requireSameOrganization(command);
        ExpectedVersion.check(command.timerId(), expectedVersion);
        if (run == null) {
            return null;
        }
        LocalDate workDate = run.startedAt().atZone(zones.zoneOf(orgId)).toLocalDate();
        TimerStopped stopped = new TimerStopped(orgId, timerId, memberId, command.entryId(), run.projectId(),
                run.taskId(), run.description(), run.billable(), run.jiraIssueKey(), run.startedAt(),
                command.stoppedAt(), workDate, minutesBetween(run.startedAt(), command.stoppedAt()));
        apply(stopped);
        return stopped;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DiscardTimer command, @MetaDataValue(ExpectedVersion.METADATA_KEY) Long expectedVersion) {
        requireSameOrganization(command);
        ExpectedVersion.check(command.timerId(), expectedVersion);
        if (run == null) {
            throw BusinessRuleViolation.conflict("timer.not_running", "The timer is not running.");
        }
        apply(new TimerDiscarded(orgId, timerId, memberId, run.startedAt()));
    }

    /** Whole minutes, rounded half up; a run of a few seconds still counts as one minute. */
    static int minutesBetween(Instant start, Instant stop) {
        long seconds = Math.max(0, Duration.between(start, stop).getSeconds());
        return (int) Math.max(1, (seconds + SECONDS_PER_MINUTE / 2) / SECONDS_PER_MINUTE);
    }

    private void requireSameOrganization(OrgScoped command) {
        if (orgId != null && !orgId.equals(command.orgId())) {
            throw BusinessRuleViolation.notFound("timer.not_found", "No such timer.");
        }
    }

    @EventSourcingHandler
    void on(TimerStarted event) {
        timerId = event.timerId();
        orgId = event.orgId();
        memberId = event.memberId();
        run = new Run(event.projectId(), event.taskId(), event.description(), event.billable(),
                event.jiraIssueKey(), event.startedAt());
    }

    @EventSourcingHandler
    void on(TimerStopped event) {
        run = null;
    }

    @EventSourcingHandler
    void on(TimerDiscarded event) {
        run = null;
    }
}
