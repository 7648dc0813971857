package io.ledgerline.app.web.time;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.command.CommandOutcome;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.time.DiscardTimer;
import io.ledgerline.domain.time.EntrySource;
import io.ledgerline.domain.time.JiraIssueKeys;
import io.ledgerline.domain.time.LogTime;
import io.ledgerline.domain.time.StartTimer;
import io.ledgerline.domain.time.StopTimer;
import io.ledgerline.domain.time.Timer;
import io.ledgerline.domain.time.TimerStopped;
import io.ledgerline.projections.time.TimerQueries;
import io.ledgerline.projections.time.TimerView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/timer")
@Tag(name = "Timer", description = "The caller's one timer: start, stop (which logs the time) or discard")
class TimerController {

    private static final String LOG_TIME = "hasAuthority('" + Permissions.TIME_LOG + "')";

    private final CommandDispatcher commands;
    private final TimerQueries timers;
    private final Clock clock;

    TimerController(CommandDispatcher commands, TimerQueries timers, Clock clock) {
        this.commands = commands;
        this.timers = timers;
        this.clock = clock;
    }

    /** @param billable absent: the project's and task's default when the timer is stopped */
    record NewTimer(@NotNull UUID projectId, UUID taskId, @Size(max = 2000) String description, Boolean billable,
                    @Pattern(regexp = JiraIssueKeys.PATTERN, message = "must be a Jira issue key such as WEB-42")
                    String jiraIssueKey) {
    }

    /** @param loggedEntryId the entry logged for the timer that was running, if one was */
    record StartedTimer(String id, long version, String loggedEntryId) {
    }

    @GetMapping
    @PreAuthorize(LOG_TIME)
    @Operation(summary = "The caller's timer: whether it runs, on what and since when; ?minVersion waits for a write")
    Mono<ResponseEntity<TimerView>> get(@RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> {
            Mono<TimerView> timer = timers.fetch(caller.orgId(), caller.memberId());
            if (minVersion != null) {
                return ReadYourWrites.read(minVersion, () -> timer, TimerView::version, "timer.not_found");
            }
            return timer
                    .map(view -> ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view))
                    .defaultIfEmpty(ResponseEntity.ok(new TimerView(Timer.idOf(caller.memberId()), false, null, null,
                            null, null, null, null, null, null, null)));
        });
    }

    @PostMapping("/start")
    @PreAuthorize(LOG_TIME)
    @Operation(summary = "Start the timer now; a timer already running is stopped and its time logged first")
    Mono<ResponseEntity<StartedTimer>> start(@Valid @RequestBody NewTimer request) {
        UUID entryId = UUID.randomUUID();
        return Callers.current()
                .flatMap(caller -> {
                    UUID timerId = Timer.idOf(caller.memberId());
                    Instant now = clock.instant();
                    return commands.inTransaction(null, work -> {
                        CommandOutcome logged = stopAndLog(work, caller.orgId(), timerId, entryId, now);
                        CommandOutcome started = work.send(new StartTimer(caller.orgId(), timerId,
                                caller.memberId(), request.projectId(), request.taskId(), request.description(),
                                request.billable(), request.jiraIssueKey(), now));
                        return new StartedTimer(timerId.toString(), started.version(),
                                logged == null ? null : logged.aggregateId());
                    });
                })
                .map(started -> ResponseEntity.ok().eTag(Versions.etag(started.version())).body(started));
    }

    @PostMapping("/stop")
    @PreAuthorize(LOG_TIME)
    @Operation(summary = "Stop the timer and log its time on the date it started (whole minutes, at least one)")
    Mono<ResponseEntity<Written>> stop() {
        UUID entryId = UUID.randomUUID();
        return Callers.current()
                .flatMap(caller -> commands.inTransaction(null, work -> {
                    CommandOutcome logged = stopAndLog(work, caller.orgId(), Timer.idOf(caller.memberId()), entryId,
                            clock.instant());
                    if (logged == null) {
                        throw ApiProblem.conflict("timer.not_running", "The timer is not running.");
                    }
                    return logged;
                }))
                .map(logged -> Written.created(logged, "/api/v1/time-entries/" + entryId));
    }

    @DeleteMapping
    @PreAuthorize(LOG_TIME)
    @Operation(summary = "Discard the running timer without logging anything (If-Match optional)")
    Mono<ResponseEntity<Written>> discard(@RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new DiscardTimer(caller.orgId(), Timer.idOf(caller.memberId())), expected)
                .map(Written::ok);
    }

    /**
     * Stops the timer and logs its run, in the caller's transaction: if the time cannot be logged (its week is
     * submitted, its date locked, the day would pass 24 hours), the timer keeps running.
     *
     * @return the logged entry's outcome, or {@code null} when the timer was not running
     */
    private static CommandOutcome stopAndLog(CommandDispatcher.Commands work, UUID orgId, UUID timerId,
                                             UUID entryId, Instant now) {
        Object result = work.send(new StopTimer(orgId, timerId, entryId, now)).result();
        if (!(result instanceof TimerStopped stopped)) {
            return null;
        }
        return work.send(new LogTime(orgId, stopped.entryId(), stopped.memberId(), stopped.projectId(),
                stopped.taskId(), stopped.workDate(), null, null, stopped.minutes(), stopped.description(),
                stopped.billable(), stopped.jiraIssueKey(), EntrySource.TIMER));
    }
}
