package io.ledgerline.domain.time;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.ExpectedVersion;
import io.ledgerline.domain.shared.Names;
import java.nio.charset.StandardCharsets;
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
 * A member's week (Monday to Sunday) going through approval: submitted, then approved, or rejected with a reason
 * and submitted again. While submitted or approved, the week's time cannot change. A week with no time may be
 * submitted and approved too: a week of leave is a week accounted for.
 */
@Aggregate
public class Timesheet {

    static final int MAX_REASON_LENGTH = 500;

    @AggregateIdentifier
    private UUID timesheetId;
    private UUID orgId;
    private UUID memberId;
    private LocalDate weekStart;
    private TimesheetStatus status = TimesheetStatus.OPEN;

    protected Timesheet() {
        // for Axon, and for a week's first command
    }

    // Every command may find the week new (created if missing), where Axon does not check If-Match: each handler does.

    /** One timesheet per member and week, found without a lookup; never the id of any other aggregate. */
    public static UUID idOf(UUID orgId, UUID memberId, LocalDate weekStart) {
        return UUID.nameUUIDFromBytes(("timesheet:" + orgId + ":" + memberId + ":" + weekStart)
                .getBytes(StandardCharsets.UTF_8));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SubmitTimesheet command, BookableWork bookable,
                       @MetaDataValue(ExpectedVersion.METADATA_KEY) Long expectedVersion) {
        ExpectedVersion.check(command.timesheetId(), expectedVersion);
        if (command.weekStart() == null || !Weeks.isWeekStart(command.weekStart())) {
            throw BusinessRuleViolation.unprocessable("timesheet.week_start_not_monday",
                    "A week starts on a Monday.");
        }
        if (!idOf(command.orgId(), command.memberId(), command.weekStart()).equals(command.timesheetId())) {
            throw BusinessRuleViolation.unprocessable("timesheet.id_mismatch",
                    "The timesheet id is not the one of this member's week.");
        }
        if (status == TimesheetStatus.SUBMITTED) {
            return;
        }
        if (status == TimesheetStatus.APPROVED) {
            throw BusinessRuleViolation.conflict("timesheet.approved", "The week is approved already.");
        }
        if (bookable.memberActive(command.orgId(), command.memberId()).isEmpty()) {
            throw BusinessRuleViolation.notFound("member.not_found", "No such member.");
        }
        apply(new TimesheetSubmitted(command.orgId(), command.timesheetId(), command.memberId(),
                command.weekStart(), command.submittedBy()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ApproveTimesheet command, BookableWork bookable,
                       @MetaDataValue(ExpectedVersion.METADATA_KEY) Long expectedVersion) {
        ExpectedVersion.check(command.timesheetId(), expectedVersion);
        requireSubmitted(bookable, command.orgId(), command.memberId(), TimesheetStatus.APPROVED);
        if (status == TimesheetStatus.SUBMITTED) {
            apply(new TimesheetApproved(orgId, timesheetId, memberId, weekStart, command.approvedBy()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RejectTimesheet command, BookableWork bookable,
                       @MetaDataValue(ExpectedVersion.METADATA_KEY) Long expectedVersion) {
        ExpectedVersion.check(command.timesheetId(), expectedVersion);
        String reason = Names.tidy(command.reason());
        if (reason == null) {
            throw BusinessRuleViolation.unprocessable("timesheet.reason_required",
                    "Say why the week is rejected, so its member knows what to fix.");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw BusinessRuleViolation.unprocessable("timesheet.reason_too_long",
                    "A reason has at most " + MAX_REASON_LENGTH + " characters.");
        }
        requireSubmitted(bookable, command.orgId(), command.memberId(), null);
        apply(new TimesheetRejected(orgId, timesheetId, memberId, weekStart, command.rejectedBy(), reason));
    }

    /**
     * A decision needs a submitted week; {@code sameDecision} is the state a repeated decision finds, which is let
     * through (and records nothing).
     */
    private void requireSubmitted(BookableWork bookable, UUID commandOrgId, UUID commandMemberId,
                                  TimesheetStatus sameDecision) {
        if (orgId != null && !orgId.equals(commandOrgId)) {
            throw BusinessRuleViolation.notFound("timesheet.not_found", "No such timesheet.");
        }
        if (status != TimesheetStatus.SUBMITTED && status != sameDecision) {
            if (orgId == null && bookable.memberActive(commandOrgId, commandMemberId).isEmpty()) {
                // A week never submitted: the member may not even be the organization's.
                throw BusinessRuleViolation.notFound("member.not_found", "No such member.");
            }
            throw BusinessRuleViolation.conflict("timesheet.not_submitted", status == TimesheetStatus.APPROVED
                    ? "The week is approved already." : "The week is not submitted for approval.");
        }
    }

    @EventSourcingHandler
    void on(TimesheetSubmitted event) {
        timesheetId = event.timesheetId();
        orgId = event.orgId();
        memberId = event.memberId();
        weekStart = event.weekStart();
        status = TimesheetStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(TimesheetApproved event) {
        status = TimesheetStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(TimesheetRejected event) {
        status = TimesheetStatus.REJECTED;
    }
}
