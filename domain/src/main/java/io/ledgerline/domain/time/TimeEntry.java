package io.ledgerline.domain.time;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.ledgerline.domain.invoice.BilledWork;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import io.ledgerline.domain.shared.OrgScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Time a member worked on a project on a business date. Once its week is submitted or approved, its date is locked,
 * or an invoice bills it, it stays as it is, unless an admin unlocks it for one change or delete, with a reason.
 */
@Aggregate
public class TimeEntry {

    static final int MINUTES_PER_DAY = 24 * 60;
    static final int MAX_REASON_LENGTH = 500;
    static final int MAX_EXTERNAL_ID_LENGTH = 200;

    @AggregateIdentifier
    private UUID entryId;
    private UUID orgId;
    private UUID memberId;
    private Work work;
    private boolean unlocked;

    /** What the entry records, compared as a whole so that a change without a difference records nothing. */
    private record Work(UUID projectId, UUID taskId, UUID clientId, LocalDate workDate, LocalTime startTime,
                        LocalTime endTime, int minutes, String description, boolean billable, String jiraIssueKey) {
    }

    /** How long the work took: from a start to an end time on its date, or only a number of minutes. */
    private record Span(LocalTime startTime, LocalTime endTime, int minutes) {
    }

    /** Why the entry cannot be changed as it stands. */
    private record Lock(EntryLock by, UUID invoiceId, LocalDate lockedThrough) {
    }

    protected TimeEntry() {
        // for Axon
    }

    @CommandHandler
    public TimeEntry(LogTime command, BookableWork bookable, LedgerLocks locks, Timesheets timesheets,
                     MemberDays days) {
        Span span = validSpan(command.startTime(), command.endTime(), command.minutes());
        LocalDate date = requireDate(command.workDate());
        String description = Booking.description(command.description());
        String jiraIssueKey = JiraIssueKeys.valid(command.jiraIssueKey());
        EntrySource source = validSource(command.source());
        Booking.requireActiveMember(bookable, command.orgId(), command.memberId());
        Booking booking = Booking.on(bookable, command.orgId(), command.projectId(), command.taskId(),
                command.billable());
        requireOpenForNewTime(locks.lockedThrough(command.orgId()),
                timesheets.holdWeek(command.orgId(), command.memberId(), Weeks.startOf(date)), date);
        requireWithinDay(days, command.orgId(), command.memberId(), date, span.minutes(), 0);
        apply(new TimeLogged(command.orgId(), command.entryId(), command.memberId(), command.projectId(),
                command.taskId(), booking.clientId(), date, span.startTime(), span.endTime(), span.minutes(),
                description, booking.billable(), jiraIssueKey, source));
    }

    @CommandHandler
    public void handle(ChangeTimeEntry command, BookableWork bookable, LedgerLocks locks, Timesheets timesheets,
                       BilledWork billed, MemberDays days) {
        requireSameOrganization(command);
        Span span = validSpan(command.startTime(), command.endTime(), command.minutes());
        LocalDate date = requireDate(command.workDate());
        String description = Booking.description(command.description());
        String jiraIssueKey = JiraIssueKeys.valid(command.jiraIssueKey());
        Optional<LocalDate> lockedThrough = locks.lockedThrough(orgId);
        LocalDate currentWeek = Weeks.startOf(work.workDate());
        LocalDate newWeek = Weeks.startOf(date);
        // The earlier week is held first, so two changes moving entries across the same weeks cannot deadlock.
        TimesheetStatus earlier = timesheets.holdWeek(orgId, memberId,
                currentWeek.isBefore(newWeek) ? currentWeek : newWeek);
        TimesheetStatus later = currentWeek.equals(newWeek) ? earlier
                : timesheets.holdWeek(orgId, memberId, currentWeek.isBefore(newWeek) ? newWeek : currentWeek);
        TimesheetStatus currentWeekStatus = currentWeek.isAfter(newWeek) ? later : earlier;
        TimesheetStatus newWeekStatus = currentWeek.isAfter(newWeek) ? earlier : later;
        requireEditable(billed.invoiceOf(orgId, entryId), lockedThrough, currentWeekStatus);
        Booking booking = Booking.on(bookable, orgId, command.projectId(), command.taskId(), command.billable());
        Work changed = new Work(command.projectId(), command.taskId(), booking.clientId(), date, span.startTime(),
                span.endTime(), span.minutes(), description, booking.billable(), jiraIssueKey);
        if (changed.equals(work)) {
            return;
        }
        boolean sameDate = date.equals(work.workDate());
        if (!sameDate) {
            // An unlock lets the entry be corrected where it stands; the date it moves to must take new time.
            requireOpenForNewTime(lockedThrough, newWeekStatus, date);
        }
        requireWithinDay(days, orgId, memberId, date, span.minutes(), sameDate ? work.minutes() : 0);
        apply(new TimeEntryChanged(orgId, entryId, memberId, changed.projectId(), changed.taskId(),
                changed.clientId(), date, changed.startTime(), changed.endTime(), changed.minutes(),
                changed.description(), changed.billable(), changed.jiraIssueKey(), work.workDate(), work.minutes()));
    }

    @CommandHandler
    public void handle(DeleteTimeEntry command, LedgerLocks locks, Timesheets timesheets, BilledWork billed) {
        requireSameOrganization(command);
        Optional<UUID> invoice = billed.invoiceOf(orgId, entryId);
        if (invoice.isPresent()) {
            // The invoice keeps the lines it billed: the entry goes only once the invoice is voided.
            throw BusinessRuleViolation.conflict("time_entry.invoiced",
                    "The entry is billed on a finalized invoice and cannot be deleted; void the invoice first.");
        }
        requireEditable(invoice, locks.lockedThrough(orgId),
                timesheets.holdWeek(orgId, memberId, Weeks.startOf(work.workDate())));
        apply(new TimeEntryDeleted(orgId, entryId, memberId, work.workDate(), work.minutes()));
    }

    @CommandHandler
    public void handle(UnlockTimeEntry command, LedgerLocks locks, Timesheets timesheets, BilledWork billed) {
        requireSameOrganization(command);
        String reason = Names.tidy(command.reason());
        if (reason == null) {
            throw BusinessRuleViolation.unprocessable("time_entry.unlock_reason_required",
                    "Say why the entry is unlocked; the reason stays in its history.");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw BusinessRuleViolation.unprocessable("time_entry.unlock_reason_too_long",
                    "A reason has at most " + MAX_REASON_LENGTH + " characters.");
        }
        if (unlocked) {
            return;
        }
        Lock lock = currentLock(billed.invoiceOf(orgId, entryId), locks.lockedThrough(orgId),
                timesheets.holdWeek(orgId, memberId, Weeks.startOf(work.workDate())));
        if (lock == null) {
            throw BusinessRuleViolation.conflict("time_entry.not_locked",
                    "Nothing keeps the entry from being changed; there is nothing to unlock.");
        }
        apply(new TimeEntryUnlocked(orgId, entryId, memberId, work.workDate(), lock.by(), lock.invoiceId(), reason));
    }

    private void requireEditable(Optional<UUID> invoice, Optional<LocalDate> lockedThrough, TimesheetStatus week) {
        if (unlocked) {
            return;
        }
        Lock lock = currentLock(invoice, lockedThrough, week);
        if (lock == null) {
            return;
        }
        String message = switch (lock.by()) {
            case INVOICED -> "The entry is billed on a finalized invoice; void the invoice, or have an admin unlock "
                    + "the entry to correct it.";
            case LOCKED -> "The ledger is locked through " + lock.lockedThrough()
                    + "; have an admin unlock the entry to change it.";
            case APPROVED -> "The entry's week is approved; have an admin unlock the entry to change it.";
            case SUBMITTED -> "The entry's week is submitted for approval; have it rejected, or have an admin unlock "
                    + "the entry to change it.";
        };
        throw BusinessRuleViolation.conflict(codeOf(lock.by()), message);
    }

    private Lock currentLock(Optional<UUID> invoice, Optional<LocalDate> lockedThrough, TimesheetStatus week) {
        if (invoice.isPresent()) {
            return new Lock(EntryLock.INVOICED, invoice.get(), null);
        }
        if (lockedThrough.isPresent() && !work.workDate().isAfter(lockedThrough.get())) {
            return new Lock(EntryLock.LOCKED, null, lockedThrough.get());
        }
        return switch (week) {
            case APPROVED -> new Lock(EntryLock.APPROVED, null, null);
            case SUBMITTED -> new Lock(EntryLock.SUBMITTED, null, null);
            case OPEN, REJECTED -> null;
        };
    }

    private static String codeOf(EntryLock lock) {
        return switch (lock) {
            case INVOICED -> "time_entry.invoiced";
            case LOCKED -> "time_entry.locked";
            case APPROVED -> "time_entry.approved";
            case SUBMITTED -> "time_entry.submitted";
        };
    }

    private static void requireOpenForNewTime(Optional<LocalDate> lockedThrough, TimesheetStatus week,
                                              LocalDate date) {
        if (lockedThrough.isPresent() && !date.isAfter(lockedThrough.get())) {
            throw BusinessRuleViolation.conflict("ledger.locked", "The ledger is locked through "
                    + lockedThrough.get() + "; no time can be booked on or before that date.");
        }
        if (week == TimesheetStatus.APPROVED) {
            throw BusinessRuleViolation.conflict("time_entry.approved",
                    "The week of " + Weeks.startOf(date) + " is approved; no time can be booked in it.");
        }
        if (week == TimesheetStatus.SUBMITTED) {
            throw BusinessRuleViolation.conflict("time_entry.submitted", "The week of " + Weeks.startOf(date)
                    + " is submitted for approval; no time can be booked in it unless it is rejected.");
        }
    }

    private static void requireWithinDay(MemberDays days, UUID orgId, UUID memberId, LocalDate date, int minutes,
                                         int replacedMinutes) {
        int logged = days.minutesLogged(orgId, memberId, date) - replacedMinutes;
        if (logged + minutes > MINUTES_PER_DAY) {
            throw BusinessRuleViolation.unprocessable("time_entry.day_over_24h", "That would make more than 24 hours "
                    + "on " + date + " for the member, who already has " + logged + " minutes logged that day.");
        }
    }

    private static LocalDate requireDate(LocalDate date) {
        if (date == null) {
            throw BusinessRuleViolation.unprocessable("time_entry.date_required",
                    "Say on which date the work was done.");
        }
        return date;
    }

    private static Span validSpan(LocalTime start, LocalTime end, Integer minutes) {
        if ((start == null) != (end == null)) {
            throw BusinessRuleViolation.unprocessable("time_entry.times_incomplete",
                    "Give both a start and an end time, or neither.");
        }
        if (start != null) {
            LocalTime from = start.truncatedTo(ChronoUnit.MINUTES);
            LocalTime to = end.truncatedTo(ChronoUnit.MINUTES);
            if (!to.isAfter(from)) {
                throw BusinessRuleViolation.unprocessable("time_entry.end_not_after_start",
                        "The end time must be after the start time, on the same date.");
            }
            int between = (int) Duration.between(from, to).toMinutes();
            if (minutes != null && minutes != between) {
                throw BusinessRuleViolation.unprocessable("time_entry.minutes_disagree",
                        "The minutes disagree with the start and end times (" + between + " minutes).");
            }
            return new Span(from, to, between);
        }
        if (minutes == null) {
            throw BusinessRuleViolation.unprocessable("time_entry.duration_required",
                    "Give a start and an end time, or a number of minutes.");
        }
        if (minutes <= 0) {
            throw BusinessRuleViolation.unprocessable("time_entry.duration_not_positive",
                    "An entry lasts at least one minute.");
        }
        if (minutes > MINUTES_PER_DAY) {
            throw BusinessRuleViolation.unprocessable("time_entry.too_long",
                    "An entry lasts at most 24 hours (" + MINUTES_PER_DAY + " minutes).");
        }
        return new Span(null, null, minutes);
    }

    private static EntrySource validSource(EntrySource source) {
        if (source == null) {
            return EntrySource.MANUAL;
        }
        if (source.type() == null) {
            throw BusinessRuleViolation.unprocessable("time_entry.source_type_required",
                    "Say where the entry comes from: manual, timer, calendar or AI note.");
        }
        String externalId = Names.tidy(source.externalId());
        return switch (source.type()) {
            case MANUAL, TIMER -> {
                if (externalId != null) {
                    throw BusinessRuleViolation.unprocessable("time_entry.source_reference_unexpected",
                            "Manual and timer entries refer to nothing outside Ledgerline.");
                }
                yield new EntrySource(source.type(), null);
            }
            case CALENDAR, AI_NOTE -> {
                if (externalId == null) {
                    throw BusinessRuleViolation.unprocessable("time_entry.source_reference_required",
                            "Name the calendar event or AI note the entry comes from.");
                }
                if (externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
                    throw BusinessRuleViolation.unprocessable("time_entry.source_reference_too_long",
                            "A source reference has at most " + MAX_EXTERNAL_ID_LENGTH + " characters.");
                }
                yield new EntrySource(source.type(), externalId);
            }
        };
    }

    private void requireSameOrganization(OrgScoped command) {
        if (!orgId.equals(command.orgId())) {
            throw BusinessRuleViolation.notFound("time_entry.not_found", "No such time entry.");
        }
    }

    @EventSourcingHandler
    void on(TimeLogged event) {
        entryId = event.entryId();
        orgId = event.orgId();
        memberId = event.memberId();
        work = new Work(event.projectId(), event.taskId(), event.clientId(), event.workDate(), event.startTime(),
                event.endTime(), event.minutes(), event.description(), event.billable(), event.jiraIssueKey());
    }

    @EventSourcingHandler
    void on(TimeEntryChanged event) {
        work = new Work(event.projectId(), event.taskId(), event.clientId(), event.workDate(), event.startTime(),
                event.endTime(), event.minutes(), event.description(), event.billable(), event.jiraIssueKey());
        unlocked = false;
    }

    @EventSourcingHandler
    void on(TimeEntryUnlocked event) {
        unlocked = true;
    }

    @EventSourcingHandler
    void on(TimeEntryDeleted event) {
        markDeleted();
    }
}
