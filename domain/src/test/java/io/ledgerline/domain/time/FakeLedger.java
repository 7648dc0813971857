package io.ledgerline.domain.time;

import io.ledgerline.domain.client.ClientStanding;
import io.ledgerline.domain.invoice.BilledWork;
import io.ledgerline.domain.project.BillingMethod;
import io.ledgerline.domain.project.ProjectStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The command-side registries as they would answer for one organization, set up by each test. */
final class FakeLedger implements BookableWork, LedgerLocks, Timesheets, MemberDays, BilledWork,
        OrganizationTimeZones {

    final UUID orgId;
    final Map<UUID, Project> projects = new HashMap<>();
    final Map<UUID, Task> tasks = new HashMap<>();
    final Map<UUID, Boolean> members = new HashMap<>();
    final Map<LocalDate, TimesheetStatus> weeks = new HashMap<>();
    final Map<LocalDate, Integer> days = new HashMap<>();
    final Map<UUID, UUID> invoices = new HashMap<>();
    LocalDate lockedThrough;
    ZoneId zone = ZoneId.of("Europe/Berlin");

    FakeLedger(UUID orgId) {
        this.orgId = orgId;
    }

    FakeLedger project(UUID projectId, UUID clientId, BillingMethod method) {
        projects.put(projectId, new Project(clientId, ProjectStatus.ACTIVE, method, ClientStanding.ACTIVE));
        return this;
    }

    @Override
    public Optional<Project> project(UUID orgId, UUID projectId) {
        return this.orgId.equals(orgId) ? Optional.ofNullable(projects.get(projectId)) : Optional.empty();
    }

    @Override
    public Optional<Task> task(UUID orgId, UUID projectId, UUID taskId) {
        return this.orgId.equals(orgId) ? Optional.ofNullable(tasks.get(taskId)) : Optional.empty();
    }

    @Override
    public Optional<Boolean> memberActive(UUID orgId, UUID memberId) {
        return this.orgId.equals(orgId) ? Optional.ofNullable(members.get(memberId)) : Optional.empty();
    }

    @Override
    public Optional<LocalDate> lockedThrough(UUID orgId) {
        return Optional.ofNullable(lockedThrough);
    }

    @Override
    public TimesheetStatus holdWeek(UUID orgId, UUID memberId, LocalDate weekStart) {
        return weeks.getOrDefault(weekStart, TimesheetStatus.OPEN);
    }

    @Override
    public int minutesLogged(UUID orgId, UUID memberId, LocalDate date) {
        return days.getOrDefault(date, 0);
    }

    @Override
    public Optional<UUID> invoiceOf(UUID orgId, UUID itemId) {
        return Optional.ofNullable(invoices.get(itemId));
    }

    @Override
    public ZoneId zoneOf(UUID orgId) {
        return zone;
    }
}
