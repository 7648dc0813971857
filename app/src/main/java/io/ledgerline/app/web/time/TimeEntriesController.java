package io.ledgerline.app.web.time;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Caller;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.app.web.MergedPatch;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.time.ChangeTimeEntry;
import io.ledgerline.domain.time.DeleteTimeEntry;
import io.ledgerline.domain.time.EntrySource;
import io.ledgerline.domain.time.JiraIssueKeys;
import io.ledgerline.domain.time.LogTime;
import io.ledgerline.domain.time.SourceType;
import io.ledgerline.domain.time.UnlockTimeEntry;
import io.ledgerline.projections.time.EntryStatus;
import io.ledgerline.projections.time.FetchTimeEntry;
import io.ledgerline.projections.time.FindTimeEntries;
import io.ledgerline.projections.time.TimeEntryQueries;
import io.ledgerline.projections.time.TimeEntryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/time-entries")
@Tag(name = "Time entries", description = "The time ledger: time worked per member, project, task and date")
class TimeEntriesController {

    private final CommandDispatcher commands;
    private final TimeEntryQueries entries;

    TimeEntriesController(CommandDispatcher commands, TimeEntryQueries entries) {
        this.commands = commands;
        this.entries = entries;
    }

    /** Where an entry comes from; timer entries come only from stopping the timer. */
    record SourceBody(@NotNull SourceType type, @Size(max = 200) String externalId) {
    }

    /** @param memberId whose time it is; absent: the caller's */
    record NewTimeEntry(UUID memberId, @NotNull UUID projectId, UUID taskId, @NotNull LocalDate date,
                        LocalTime startTime, LocalTime endTime, Integer minutes,
                        @Size(max = 2000) String description, Boolean billable,
                        @Pattern(regexp = JiraIssueKeys.PATTERN, message = "must be a Jira issue key such as WEB-42")
                        String jiraIssueKey,
                        @Valid SourceBody source) {
    }

    record Unlock(@NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    @PreAuthorize(TimeAccess.SEE_TIME)
    @Operation(summary = "Time entries, newest date first (filters: from, to, memberId, projectId, clientId, "
            + "billable, status=open|submitted|approved|invoiced); without time:view_all only the caller's own")
    Mono<Page<TimeEntryView>> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "from", "to", "memberId", "projectId",
                "clientId", "billable", "status");
        LocalDate from = parameters.date("from");
        LocalDate to = parameters.date("to");
        requireOrdered(from, to);
        UUID memberId = parameters.uuid("memberId");
        UUID projectId = parameters.uuid("projectId");
        UUID clientId = parameters.uuid("clientId");
        Boolean billable = parameters.bool("billable");
        EntryStatus status = parameters.enumValue("status", EntryStatus.class);
        var window = parameters.window();
        return Callers.current()
                .flatMap(caller -> entries.find(new FindTimeEntries(caller.orgId(), from, to,
                        caller.may(Permissions.TIME_VIEW_ALL) ? memberId : TimeAccess.memberToSee(caller, memberId),
                        projectId, clientId, billable, status, window)))
                .map(Page::of);
    }

    @GetMapping("/{entryId}")
    @PreAuthorize(TimeAccess.SEE_TIME)
    @Operation(summary = "One time entry with its status and lock, and with rates:view the hourly rate that applies "
            + "and where it comes from; ?minVersion waits for a write to show")
    Mono<ResponseEntity<TimeEntryView>> get(@PathVariable UUID entryId,
                                            @RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion,
                () -> visible(caller, entryId, caller.may(Permissions.RATES_VIEW)), TimeEntryView::version,
                "time_entry.not_found"));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + Permissions.TIME_LOG + "')")
    @Operation(summary = "Log time: start and end times or minutes on a date, on a project (and task); for another "
            + "member with time:manage_others")
    Mono<ResponseEntity<Written>> log(@Valid @RequestBody NewTimeEntry request) {
        if (request.source() != null && request.source().type() == SourceType.TIMER) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation.failed", "The request has invalid fields.",
                    List.of(new FieldViolation("source.type", "invalid",
                            "timer entries are logged by stopping the timer")));
        }
        UUID entryId = UUID.randomUUID();
        return Callers.current()
                .flatMap(caller -> {
                    UUID memberId = request.memberId() == null ? caller.memberId() : request.memberId();
                    TimeAccess.requireMayActFor(caller, memberId);
                    EntrySource source = request.source() == null ? null
                            : new EntrySource(request.source().type(), request.source().externalId());
                    return commands.send(new LogTime(caller.orgId(), entryId, memberId, request.projectId(),
                            request.taskId(), request.date(), request.startTime(), request.endTime(),
                            request.minutes(), request.description(), request.billable(), request.jiraIssueKey(),
                            source));
                })
                .map(outcome -> Written.created(outcome, "/api/v1/time-entries/" + entryId));
    }

    @PatchMapping("/{entryId}")
    @PreAuthorize("hasAuthority('" + Permissions.TIME_LOG + "')")
    @Operation(summary = "Change an entry; absent fields stay, null clears (If-Match: the ETag read)")
    Mono<ResponseEntity<Written>> change(@PathVariable UUID entryId, @Valid @RequestBody TimeEntryChange change,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        change.requireChange("projectId", "date");
        return Callers.current()
                .flatMap(caller -> MergedPatch.send(commands, expected, () -> visible(caller, entryId, false),
                        TimeEntryView::version, "time_entry.not_found", current -> {
                            TimeAccess.requireMayActFor(caller, current.memberId());
                            return merge(caller.orgId(), current, change);
                        }))
                .map(Written::ok);
    }

    @DeleteMapping("/{entryId}")
    @PreAuthorize("hasAuthority('" + Permissions.TIME_LOG + "')")
    @Operation(summary = "Delete an entry (If-Match optional); an invoiced entry is never deleted")
    Mono<ResponseEntity<Written>> delete(@PathVariable UUID entryId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return Callers.current()
                .flatMap(caller -> MergedPatch.current(expected, () -> visible(caller, entryId, false),
                                TimeEntryView::version, "time_entry.not_found")
                        .flatMap(current -> {
                            TimeAccess.requireMayActFor(caller, current.memberId());
                            return commands.send(new DeleteTimeEntry(caller.orgId(), entryId), expected);
                        }))
                .map(Written::ok);
    }

    @PostMapping("/{entryId}/unlock")
    @PreAuthorize("hasAuthority('" + Permissions.TIME_LOCK + "')")
    @Operation(summary = "Let a submitted, approved, locked or invoiced entry be changed or deleted once, with a "
            + "reason kept in its history")
    Mono<ResponseEntity<Written>> unlock(@PathVariable UUID entryId, @Valid @RequestBody Unlock request,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new UnlockTimeEntry(caller.orgId(), entryId, request.reason()), expected)
                .map(Written::ok);
    }

    /**
     * The entry, if the caller may see it: their own, or anyone's with time:view_all; with the rate that applies to
     * it when asked (only callers with rates:view see rates).
     */
    private Mono<TimeEntryView> visible(Caller caller, UUID entryId, boolean withRate) {
        return entries.fetch(new FetchTimeEntry(caller.orgId(), entryId, withRate))
                .filter(entry -> TimeAccess.maySee(caller, entry.memberId()));
    }

    /**
     * Merges a PATCH onto the entry: a new project drops the task unless one is given; minutes without times make
     * the entry duration-only, times without minutes have the minutes computed; whether it is billable goes back to
     * the default when the project or task changes, unless given.
     */
    private static ChangeTimeEntry merge(UUID orgId, TimeEntryView current, TimeEntryChange change) {
        UUID projectId = change.has("projectId") ? change.projectId() : current.projectId();
        boolean otherProject = !projectId.equals(current.projectId());
        UUID taskId = change.has("taskId") ? change.taskId() : otherProject ? null : current.taskId();
        boolean otherWork = otherProject || !Objects.equals(taskId, current.taskId());
        boolean newTimes = change.has("startTime") || change.has("endTime");
        LocalTime start = null;
        LocalTime end = null;
        Integer minutes;
        if (change.has("minutes") && !newTimes) {
            minutes = change.minutes();
        } else {
            start = change.has("startTime") ? change.startTime() : current.startTime();
            end = change.has("endTime") ? change.endTime() : current.endTime();
            minutes = change.has("minutes") ? change.minutes()
                    : start == null && end == null ? Integer.valueOf(current.minutes()) : null;
        }
        return new ChangeTimeEntry(orgId, current.id(), projectId, taskId,
                change.has("date") ? change.date() : current.date(), start, end, minutes,
                change.has("description") ? change.description() : current.description(),
                change.has("billable") ? change.billable() : otherWork ? null : Boolean.valueOf(current.billable()),
                change.has("jiraIssueKey") ? change.jiraIssueKey() : current.jiraIssueKey());
    }

    static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.badRequest("request.bad_query", "Query parameter 'to' is before 'from'.",
                    new FieldViolation("to", "invalid", "expected a date on or after 'from'"));
        }
    }
}
