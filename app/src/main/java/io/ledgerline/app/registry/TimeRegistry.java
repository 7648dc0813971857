package io.ledgerline.app.registry;

import io.ledgerline.domain.organization.LedgerLocked;
import io.ledgerline.domain.organization.LedgerUnlocked;
import io.ledgerline.domain.organization.OrganizationProfileChanged;
import io.ledgerline.domain.organization.OrganizationRegistered;
import io.ledgerline.domain.time.LedgerLocks;
import io.ledgerline.domain.time.MemberDays;
import io.ledgerline.domain.time.OrganizationTimeZones;
import io.ledgerline.domain.time.TimeEntryChanged;
import io.ledgerline.domain.time.TimeEntryDeleted;
import io.ledgerline.domain.time.TimeLogged;
import io.ledgerline.domain.time.TimesheetApproved;
import io.ledgerline.domain.time.TimesheetRejected;
import io.ledgerline.domain.time.TimesheetStatus;
import io.ledgerline.domain.time.TimesheetSubmitted;
import io.ledgerline.domain.time.Timesheets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's knowledge of the time ledger: each organization's time zone and lock date, where each member's
 * weeks stand, and how many minutes each member has on each day. Everything a command reads here is held until its
 * transaction ends, so the rules hold under concurrent commands as well: the 24-hour CHECK refuses the second of
 * two racing entries, and neither a submission nor a lock can slip in between a check and the time it lets through.
 */
@Component
@ProcessingGroup(RegistryGroup.NAME)
public class TimeRegistry implements LedgerLocks, Timesheets, MemberDays, OrganizationTimeZones {

    /** The first key of the advisory lock on an organization's lock date ("LL"), apart from any other such lock. */
    private static final int LEDGER_LOCK_NAMESPACE = 0x4C4C;

    private final JdbcTemplate jdbc;

    TimeRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganizationRegistered event) {
        jdbc.update("INSERT INTO ledger_org (org_id, time_zone) VALUES (?, ?) ON CONFLICT (org_id) DO NOTHING",
                event.orgId(), event.timeZone().getId());
    }

    @EventHandler
    void on(OrganizationProfileChanged event) {
        jdbc.update("UPDATE ledger_org SET time_zone = ? WHERE org_id = ?", event.timeZone().getId(), event.orgId());
    }

    @EventHandler
    void on(LedgerLocked event) {
        moveLock(event.orgId(), event.through());
    }

    @EventHandler
    void on(LedgerUnlocked event) {
        moveLock(event.orgId(), event.through());
    }

    @EventHandler
    void on(TimesheetSubmitted event) {
        storeWeek(event.orgId(), event.memberId(), event.weekStart(), TimesheetStatus.SUBMITTED);
    }

    @EventHandler
    void on(TimesheetApproved event) {
        storeWeek(event.orgId(), event.memberId(), event.weekStart(), TimesheetStatus.APPROVED);
    }

    @EventHandler
    void on(TimesheetRejected event) {
        storeWeek(event.orgId(), event.memberId(), event.weekStart(), TimesheetStatus.REJECTED);
    }

    @EventHandler
    void on(TimeLogged event) {
        addToDay(event.orgId(), event.memberId(), event.workDate(), event.minutes());
    }

    @EventHandler
    void on(TimeEntryChanged event) {
        takeFromDay(event.orgId(), event.memberId(), event.previousWorkDate(), event.previousMinutes());
        addToDay(event.orgId(), event.memberId(), event.workDate(), event.minutes());
    }

    @EventHandler
    void on(TimeEntryDeleted event) {
        takeFromDay(event.orgId(), event.memberId(), event.workDate(), event.minutes());
    }

    /**
     * Commands that check the lock date hold a shared advisory lock on it (see {@link #lockedThrough}); moving the
     * date takes it exclusively, so it waits for them, and any command after it reads the new date. An advisory
     * lock costs no row write, which a share lock on the one row every command of the organization reads would.
     */
    @Override
    public Optional<LocalDate> lockedThrough(UUID orgId) {
        jdbc.queryForList("SELECT 1 FROM pg_advisory_xact_lock_shared(?, ?)", Integer.class, LEDGER_LOCK_NAMESPACE,
                orgId.hashCode());
        Date through = jdbc.query("SELECT locked_through FROM ledger_org WHERE org_id = ?",
                rs -> rs.next() ? rs.getDate(1) : null, orgId);
        return Optional.ofNullable(through).map(Date::toLocalDate);
    }

    /** Inserting the week's row if it is new and locking it either way is one statement: the upsert. */
    @Override
    public TimesheetStatus holdWeek(UUID orgId, UUID memberId, LocalDate weekStart) {
        String status = jdbc.queryForObject("""
                        INSERT INTO timesheet_registry (org_id, member_id, week_start, status) VALUES (?, ?, ?, ?)
                        ON CONFLICT (org_id, member_id, week_start) DO UPDATE SET status = timesheet_registry.status
                        RETURNING status""",
                String.class, orgId, memberId, Date.valueOf(weekStart), TimesheetStatus.OPEN.name());
        return TimesheetStatus.valueOf(status);
    }

    @Override
    public int minutesLogged(UUID orgId, UUID memberId, LocalDate date) {
        List<Integer> minutes = jdbc.queryForList(
                "SELECT minutes FROM member_day WHERE org_id = ? AND member_id = ? AND work_date = ?", Integer.class,
                orgId, memberId, Date.valueOf(date));
        return minutes.isEmpty() ? 0 : minutes.get(0);
    }

    @Override
    public ZoneId zoneOf(UUID orgId) {
        String zone = jdbc.queryForObject("SELECT time_zone FROM ledger_org WHERE org_id = ?", String.class, orgId);
        return ZoneId.of(zone);
    }

    private void moveLock(UUID orgId, LocalDate through) {
        jdbc.queryForList("SELECT 1 FROM pg_advisory_xact_lock(?, ?)", Integer.class, LEDGER_LOCK_NAMESPACE,
                orgId.hashCode());
        jdbc.update("UPDATE ledger_org SET locked_through = ? WHERE org_id = ?",
                through == null ? null : Date.valueOf(through), orgId);
    }

    private void storeWeek(UUID orgId, UUID memberId, LocalDate weekStart, TimesheetStatus status) {
        jdbc.update("""
                        INSERT INTO timesheet_registry (org_id, member_id, week_start, status) VALUES (?, ?, ?, ?)
                        ON CONFLICT (org_id, member_id, week_start) DO UPDATE SET status = EXCLUDED.status""",
                orgId, memberId, Date.valueOf(weekStart), status.name());
    }

    /**
     * The CHECK constraint member_day_at_most_24h refuses a day over 24 hours, whatever raced to it. (It checks the
     * row an upsert proposes too, which is why minutes are taken away by a plain update.)
     */
    private void addToDay(UUID orgId, UUID memberId, LocalDate date, int minutes) {
        jdbc.update("""
                        INSERT INTO member_day (org_id, member_id, work_date, minutes) VALUES (?, ?, ?, ?)
                        ON CONFLICT (org_id, member_id, work_date)
                        DO UPDATE SET minutes = member_day.minutes + EXCLUDED.minutes""",
                orgId, memberId, Date.valueOf(date), minutes);
    }

    private void takeFromDay(UUID orgId, UUID memberId, LocalDate date, int minutes) {
        jdbc.update("UPDATE member_day SET minutes = minutes - ? WHERE org_id = ? AND member_id = ? AND work_date = ?",
                minutes, orgId, memberId, Date.valueOf(date));
    }
}
