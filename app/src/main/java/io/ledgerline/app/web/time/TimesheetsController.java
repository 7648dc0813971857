package io.ledgerline.app.web.time;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Caller;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.member.Role;
import io.ledgerline.domain.time.ApproveTimesheet;
import io.ledgerline.domain.time.RejectTimesheet;
import io.ledgerline.domain.time.SubmitTimesheet;
import io.ledgerline.domain.time.Timesheet;
import io.ledgerline.domain.time.TimesheetStatus;
import io.ledgerline.domain.time.Weeks;
import io.ledgerline.projections.time.FetchTimesheet;
import io.ledgerline.projections.time.FindTimesheets;
import io.ledgerline.projections.time.TimesheetQueries;
import io.ledgerline.projections.time.TimesheetView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/timesheets")
@Tag(name = "Timesheets", description = "A member's week (Monday to Sunday): submitted, approved or rejected")
class TimesheetsController {

    private final CommandDispatcher commands;
    private final TimesheetQueries timesheets;

    TimesheetsController(CommandDispatcher commands, TimesheetQueries timesheets) {
        this.commands = commands;
        this.timesheets = timesheets;
    }

    record Rejection(@NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    @PreAuthorize(TimeAccess.SEE_TIME)
    @Operation(summary = "Submitted weeks with their totals, newest first: the approval queue with "
            + "status=submitted (filters: status=submitted|approved|rejected, memberId, from, to)")
    Mono<Page<TimesheetView>> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "status", "memberId", "from", "to");
        TimesheetStatus status = parameters.enumValue("status", TimesheetStatus.class);
        UUID memberId = parameters.uuid("memberId");
        LocalDate from = parameters.date("from");
        LocalDate to = parameters.date("to");
        TimeEntriesController.requireOrdered(from, to);
        var window = parameters.window();
        return Callers.current()
                .flatMap(caller -> timesheets.find(new FindTimesheets(caller.orgId(), status,
                        caller.may(Permissions.TIME_VIEW_ALL) ? memberId : TimeAccess.memberToSee(caller, memberId),
                        from, to, window)))
                .map(Page::of);
    }

    @GetMapping("/{memberId}/{weekStart}")
    @PreAuthorize(TimeAccess.SEE_TIME)
    @Operation(summary = "A member's week, submitted or not, with its totals; ?minVersion waits for a write to show")
    Mono<ResponseEntity<TimesheetView>> get(@PathVariable UUID memberId,
                                            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                            LocalDate weekStart,
                                            @RequestParam MultiValueMap<String, String> query) {
        requireMonday(weekStart);
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> {
            TimeAccess.memberToSee(caller, memberId);
            Mono<TimesheetView> week = timesheets.fetch(new FetchTimesheet(caller.orgId(), memberId, weekStart));
            if (minVersion == null) {
                // A week never submitted has no version, hence no ETag.
                return week.map(view -> view.version() == null ? ResponseEntity.ok(view)
                                : ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view))
                        .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("member.not_found", "No such member.")));
            }
            return ReadYourWrites.read(minVersion, () -> week,
                    view -> view.version() == null ? -1 : view.version(), "member.not_found");
        });
    }

    @PostMapping("/{memberId}/{weekStart}/submit")
    @PreAuthorize("hasAuthority('" + Permissions.TIME_LOG + "')")
    @Operation(summary = "Submit a week for approval: one's own, or another member's with time:manage_others")
    Mono<ResponseEntity<Written>> submit(@PathVariable UUID memberId,
                                         @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                         LocalDate weekStart,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        requireMonday(weekStart);
        Long expected = Versions.expected(ifMatch);
        return Callers.current()
                .flatMap(caller -> {
                    TimeAccess.requireMayActFor(caller, memberId);
                    return commands.send(new SubmitTimesheet(caller.orgId(),
                            Timesheet.idOf(caller.orgId(), memberId, weekStart), memberId, weekStart,
                            caller.memberId()), expected);
                })
                .map(Written::ok);
    }

    @PostMapping("/{memberId}/{weekStart}/approve")
    @PreAuthorize("hasAuthority('" + Permissions.TIME_APPROVE + "')")
    @Operation(summary = "Approve a submitted week: its time can no longer change (not one's own week, unless "
            + "owner or admin)")
    Mono<ResponseEntity<Written>> approve(@PathVariable UUID memberId,
                                          @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                          LocalDate weekStart,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        requireMonday(weekStart);
        Long expected = Versions.expected(ifMatch);
        return Callers.current()
                .flatMap(caller -> {
                    requireMayDecide(caller, memberId);
                    return commands.send(new ApproveTimesheet(caller.orgId(),
                            Timesheet.idOf(caller.orgId(), memberId, weekStart), memberId, caller.memberId()),
                            expected);
                })
                .map(Written::ok);
    }

    @PostMapping("/{memberId}/{weekStart}/reject")
    @PreAuthorize("hasAuthority('" + Permissions.TIME_APPROVE + "')")
    @Operation(summary = "Send a submitted week back with a reason; it opens for changes again")
    Mono<ResponseEntity<Written>> reject(@PathVariable UUID memberId,
                                         @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                         LocalDate weekStart,
                                         @Valid @RequestBody Rejection request,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        requireMonday(weekStart);
        Long expected = Versions.expected(ifMatch);
        return Callers.current()
                .flatMap(caller -> {
                    requireMayDecide(caller, memberId);
                    return commands.send(new RejectTimesheet(caller.orgId(),
                            Timesheet.idOf(caller.orgId(), memberId, weekStart), memberId, caller.memberId(),
                            request.reason()), expected);
                })
                .map(Written::ok);
    }

    /**
     * No one decides on their own week, except owners and admins, whom no one is above. A manager's week is
     * approved by another manager, an admin or an owner.
     */
    private static void requireMayDecide(Caller caller, UUID memberId) {
        if (caller.memberId().equals(memberId) && caller.role() != Role.OWNER && caller.role() != Role.ADMIN) {
            throw new ApiProblem(org.springframework.http.HttpStatus.FORBIDDEN, "timesheet.own_week",
                    "Your own week is approved or rejected by someone else (or by an owner or admin).");
        }
    }

    private static void requireMonday(LocalDate weekStart) {
        if (!Weeks.isWeekStart(weekStart)) {
            throw ApiProblem.badRequest("validation.failed", "A week starts on a Monday.",
                    new FieldViolation("weekStart", "invalid", "must be a Monday"));
        }
    }
}
