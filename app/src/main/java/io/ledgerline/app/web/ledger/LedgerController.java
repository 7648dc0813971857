package io.ledgerline.app.web.ledger;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Caller;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.app.web.organization.OrganizationCalendar;
import io.ledgerline.app.web.time.TimeAccess;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.organization.LockLedger;
import io.ledgerline.domain.time.Weeks;
import io.ledgerline.projections.time.FetchLedger;
import io.ledgerline.projections.time.LedgerLockQueries;
import io.ledgerline.projections.time.LedgerLockView;
import io.ledgerline.projections.time.TimeEntryQueries;
import io.ledgerline.projections.time.TimeEntryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger", description = "A member's day or week of time with its totals, and the organization's lock")
class LedgerController {

    private final CommandDispatcher commands;
    private final TimeEntryQueries entries;
    private final LedgerLockQueries locks;
    private final OrganizationCalendar calendar;

    LedgerController(CommandDispatcher commands, TimeEntryQueries entries, LedgerLockQueries locks,
                     OrganizationCalendar calendar) {
        this.commands = commands;
        this.entries = entries;
        this.locks = locks;
        this.calendar = calendar;
    }

    enum View {
        DAY,
        WEEK
    }

    /** @param through absent to lift the lock altogether */
    record LockChange(LocalDate through, @NotBlank @Size(max = 500) String reason) {
    }

    record Day(LocalDate date, List<TimeEntryView> entries, int billableMinutes, int nonBillableMinutes) {
    }

    record Ledger(View view, LocalDate from, LocalDate to, UUID memberId, List<Day> days, int billableMinutes,
                  int nonBillableMinutes) {
    }

    @GetMapping
    @PreAuthorize(TimeAccess.SEE_TIME)
    @Operation(summary = "A member's day or week (Monday to Sunday) of entries, every day present, with billable and "
            + "non-billable totals per day and for the range (view=day|week, date: default today in the "
            + "organization's time zone, memberId: default the caller)")
    Mono<Ledger> ledger(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, false, "view", "date", "memberId");
        View view = parameters.enumValue("view", View.class);
        LocalDate date = parameters.date("date");
        UUID askedMember = parameters.uuid("memberId");
        return Callers.current().flatMap(caller -> {
            UUID memberId = TimeAccess.memberToSee(caller, askedMember);
            Mono<LocalDate> day = date != null ? Mono.just(date) : calendar.today(caller.orgId());
            return day.flatMap(on -> {
                View shown = view == null ? View.WEEK : view;
                LocalDate from = shown == View.WEEK ? Weeks.startOf(on) : on;
                LocalDate to = shown == View.WEEK ? from.plusDays(6) : on;
                return entries.ledger(new FetchLedger(caller.orgId(), memberId, from, to)).collectList()
                        .map(found -> ledger(shown, from, to, memberId, found));
            });
        });
    }

    @GetMapping("/lock")
    @PreAuthorize("hasAnyAuthority('" + Permissions.TIME_LOG + "', '" + Permissions.TIME_VIEW_ALL + "', '"
            + Permissions.TIME_LOCK + "')")
    @Operation(summary = "The date the ledger is locked through (its ETag is the organization's); ?minVersion waits")
    Mono<ResponseEntity<LedgerLockView>> lock(@RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        // The caller's organization exists: right after sign-up the read waits for it to show rather than say 404.
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion == null ? 0L : minVersion,
                () -> locks.fetch(caller.orgId()), LedgerLockView::version, "organization.not_found"));
    }

    @PutMapping("/lock")
    @PreAuthorize("hasAuthority('" + Permissions.TIME_LOCK + "')")
    @Operation(summary = "Lock the ledger through a date, move the lock back, or lift it (through: null); always "
            + "with a reason (If-Match: the organization's ETag)")
    Mono<ResponseEntity<Written>> changeLock(@Valid @RequestBody LockChange change,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor((Caller caller) -> new LockLedger(caller.orgId(), change.through(), change.reason()),
                        expected)
                .map(Written::ok);
    }

    private static Ledger ledger(View view, LocalDate from, LocalDate to, UUID memberId, List<TimeEntryView> found) {
        Map<LocalDate, List<TimeEntryView>> byDate = found.stream()
                .collect(Collectors.groupingBy(TimeEntryView::date));
        List<Day> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            List<TimeEntryView> ofDay = byDate.getOrDefault(date, List.of());
            days.add(new Day(date, ofDay, minutes(ofDay, true), minutes(ofDay, false)));
        }
        return new Ledger(view, from, to, memberId, days, minutes(found, true), minutes(found, false));
    }

    private static int minutes(List<TimeEntryView> entries, boolean billable) {
        return entries.stream().filter(entry -> entry.billable() == billable).mapToInt(TimeEntryView::minutes).sum();
    }
}
