package io.ledgerline.domain.project;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.client.ClientDirectory;
import io.ledgerline.domain.client.ClientStanding;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Work done for one client: how it is billed, its budget and dates, whether it is still open, and the tasks time
 * is booked against. The client never changes, so everything booked on the project stays with that client.
 */
@Aggregate
public class Project {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_CODE_LENGTH = 64;

    @AggregateIdentifier
    private UUID projectId;
    private UUID orgId;
    private UUID clientId;
    private Details details;
    /** The date the current hourly rate applies from ({@code null}: since always). */
    private LocalDate rateSince;
    private ProjectStatus status;
    private final Map<UUID, Task> tasks = new HashMap<>();

    /** The editable part of a project, compared as a whole so that an update without a change records nothing. */
    private record Details(String name, String code, BillingMethod billingMethod, BigDecimal hourlyRate,
                           Budget budget, LocalDate startDate, LocalDate endDate) {
    }

    /** @param rateSince the date the current rate override applies from ({@code null}: since always) */
    private record Task(String name, boolean billable, BigDecimal rateOverride, LocalDate rateSince, boolean active) {

        Task withActive(boolean nowActive) {
            return new Task(name, billable, rateOverride, rateSince, nowActive);
        }
    }

    protected Project() {
        // for Axon
    }

    @CommandHandler
    public Project(CreateProject command, ClientDirectory clients) {
        requireClientActive(clients, command.orgId(), command.clientId());
        Details details = validDetails(command.name(), command.code(), command.billingMethod(), command.hourlyRate(),
                command.budget(), command.startDate(), command.endDate());
        apply(new ProjectCreated(command.orgId(), command.projectId(), command.clientId(), details.name(),
                details.code(), details.billingMethod(), details.hourlyRate(), details.budget(), details.startDate(),
                details.endDate()));
    }

    @CommandHandler
    public void handle(UpdateProject command) {
        requireSameOrganization(command);
        Details changed = validDetails(command.name(), command.code(), command.billingMethod(), command.hourlyRate(),
                command.budget(), command.startDate(), command.endDate());
        if (!sameDetails(changed, details)) {
            // An unchanged rate keeps the date it applies from: editing the name must not move a rate change.
            LocalDate rateFrom = sameAmount(changed.hourlyRate(), details.hourlyRate()) ? rateSince
                    : command.rateEffectiveFrom();
            apply(new ProjectDetailsChanged(orgId, projectId, clientId, changed.name(), changed.code(),
                    changed.billingMethod(), changed.hourlyRate(), changed.budget(), changed.startDate(),
                    changed.endDate(), rateFrom));
        }
    }

    @CommandHandler
    public void handle(ChangeProjectStatus command, ClientDirectory clients) {
        requireSameOrganization(command);
        if (command.status() == null) {
            throw BusinessRuleViolation.unprocessable("project.status_required", "Say which status the project gets.");
        }
        if (command.status() == status) {
            return;
        }
        if (command.status() == ProjectStatus.ACTIVE) {
            // Reopening books new work for the client, which a deactivated or deleted client no longer takes.
            requireClientActive(clients, orgId, clientId);
        }
        apply(new ProjectStatusChanged(orgId, projectId, clientId, command.status(), status));
    }

    @CommandHandler
    public void handle(AddTask command) {
        requireSameOrganization(command);
        requireNotArchived();
        if (command.taskId() == null || tasks.containsKey(command.taskId())) {
            throw BusinessRuleViolation.conflict("task.exists", "The project already has a task with this id.");
        }
        String name = validTaskName(command.name());
        requireNameFree(name, null);
        apply(new TaskAdded(orgId, projectId, command.taskId(), name, command.billable(),
                validRateOverride(command.rateOverride())));
    }

    @CommandHandler
    public void handle(UpdateTask command) {
        requireSameOrganization(command);
        requireNotArchived();
        Task task = requireTask(command.taskId());
        String name = validTaskName(command.name());
        BigDecimal rate = validRateOverride(command.rateOverride());
        if (task.active()) {
            requireNameFree(name, command.taskId());
        }
        boolean rateChanged = !sameAmount(rate, task.rateOverride());
        if (!name.equals(task.name()) || command.billable() != task.billable() || rateChanged) {
            apply(new TaskChanged(orgId, projectId, command.taskId(), name, command.billable(), rate,
                    rateChanged ? command.rateEffectiveFrom() : task.rateSince()));
        }
    }

    @CommandHandler
    public void handle(DeactivateTask command) {
        requireSameOrganization(command);
        requireNotArchived();
        if (requireTask(command.taskId()).active()) {
            apply(new TaskDeactivated(orgId, projectId, command.taskId()));
        }
    }

    @CommandHandler
    public void handle(ReactivateTask command) {
        requireSameOrganization(command);
        requireNotArchived();
        Task task = requireTask(command.taskId());
        if (!task.active()) {
            // While inactive its name could be given to another task; two active tasks must not share it.
            requireNameFree(task.name(), command.taskId());
            apply(new TaskReactivated(orgId, projectId, command.taskId()));
        }
    }

    private static void requireClientActive(ClientDirectory clients, UUID orgId, UUID clientId) {
        ClientStanding standing = clientId == null ? null : clients.standing(orgId, clientId).orElse(null);
        if (standing == null) {
            throw BusinessRuleViolation.notFound("client.not_found", "No such client.");
        }
        if (standing == ClientStanding.INACTIVE) {
            throw BusinessRuleViolation.unprocessable("client.inactive",
                    "The client is inactive; reactivate it before opening projects for it.");
        }
    }

    private static Details validDetails(String rawName, String rawCode, BillingMethod billingMethod,
                                        BigDecimal hourlyRate, Budget budget, LocalDate startDate, LocalDate endDate) {
        String name = Names.tidy(rawName);
        if (name == null) {
            throw BusinessRuleViolation.unprocessable("project.name_required", "A project needs a name.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw BusinessRuleViolation.unprocessable("project.name_too_long",
                    "A project name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        String code = Names.tidy(rawCode);
        if (code != null && code.length() > MAX_CODE_LENGTH) {
            throw BusinessRuleViolation.unprocessable("project.code_too_long",
                    "A project code has at most " + MAX_CODE_LENGTH + " characters.");
        }
        if (billingMethod == null) {
            throw BusinessRuleViolation.unprocessable("project.billing_method_required",
                    "Say how the project is billed: hourly, fixed fee or non-billable.");
        }
        BigDecimal rate = switch (billingMethod) {
            case HOURLY -> {
                if (hourlyRate == null) {
                    throw BusinessRuleViolation.unprocessable("project.hourly_rate_required",
                            "An hourly project needs an hourly rate.");
                }
                yield hourlyRate;
            }
            // A non-billable project bills nothing, so a rate sent along would only mislead reports.
            case NON_BILLABLE -> null;
            case FIXED_FEE -> hourlyRate;
        };
        if (rate != null && rate.signum() < 0) {
            throw BusinessRuleViolation.unprocessable("project.hourly_rate_negative",
                    "The hourly rate cannot be negative.");
        }
        Budget checkedBudget = budget == null ? Budget.NONE : budget;
        if (isNegative(checkedBudget.hours()) || isNegative(checkedBudget.amount())) {
            throw BusinessRuleViolation.unprocessable("project.budget_negative", "A budget cannot be negative.");
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw BusinessRuleViolation.unprocessable("project.dates_out_of_order",
                    "The end date cannot be before the start date.");
        }
        return new Details(name, code, billingMethod, rate, checkedBudget, startDate, endDate);
    }

    private static boolean isNegative(BigDecimal value) {
        return value != null && value.signum() < 0;
    }

    /** 100 and 100.00 are the same rate: comparing by scale would record changes that change nothing. */
    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean sameDetails(Details a, Details b) {
        return a.name().equals(b.name()) && Objects.equals(a.code(), b.code())
                && a.billingMethod() == b.billingMethod() && sameAmount(a.hourlyRate(), b.hourlyRate())
                && sameAmount(a.budget().hours(), b.budget().hours())
                && sameAmount(a.budget().amount(), b.budget().amount())
                && Objects.equals(a.startDate(), b.startDate()) && Objects.equals(a.endDate(), b.endDate());
    }

    private static String validTaskName(String rawName) {
        String name = Names.tidy(rawName);
        if (name == null) {
            throw BusinessRuleViolation.unprocessable("task.name_required", "A task needs a name.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw BusinessRuleViolation.unprocessable("task.name_too_long",
                    "A task name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        return name;
    }

    private static BigDecimal validRateOverride(BigDecimal rate) {
        if (isNegative(rate)) {
            throw BusinessRuleViolation.unprocessable("task.rate_negative", "A task's rate cannot be negative.");
        }
        return rate;
    }

    private void requireNameFree(String name, UUID exceptTaskId) {
        String key = Names.normalize(name);
        boolean taken = tasks.entrySet().stream()
                .anyMatch(entry -> entry.getValue().active() && !entry.getKey().equals(exceptTaskId)
                        && Names.normalize(entry.getValue().name()).equals(key));
        if (taken) {
            throw BusinessRuleViolation.conflict("task.name_taken", "Another active task of the project has this name.");
        }
    }

    private Task requireTask(UUID taskId) {
        Task task = taskId == null ? null : tasks.get(taskId);
        if (task == null) {
            throw BusinessRuleViolation.notFound("task.not_found", "No such task.");
        }
        return task;
    }

    private void requireNotArchived() {
        if (status == ProjectStatus.ARCHIVED) {
            throw BusinessRuleViolation.conflict("project.archived",
                    "The project is archived; reactivate it before changing its tasks.");
        }
    }

    private void requireSameOrganization(OrgScoped command) {
        if (!orgId.equals(command.orgId())) {
            throw BusinessRuleViolation.notFound("project.not_found", "No such project.");
        }
    }

    @EventSourcingHandler
    void on(ProjectCreated event) {
        projectId = event.projectId();
        orgId = event.orgId();
        clientId = event.clientId();
        details = new Details(event.name(), event.code(), event.billingMethod(), event.hourlyRate(),
                event.budget() == null ? Budget.NONE : event.budget(), event.startDate(), event.endDate());
        status = ProjectStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProjectDetailsChanged event) {
        details = new Details(event.name(), event.code(), event.billingMethod(), event.hourlyRate(),
                event.budget() == null ? Budget.NONE : event.budget(), event.startDate(), event.endDate());
        rateSince = event.rateEffectiveFrom();
    }

    @EventSourcingHandler
    void on(ProjectStatusChanged event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(TaskAdded event) {
        tasks.put(event.taskId(), new Task(event.name(), event.billable(), event.rateOverride(), null, true));
    }

    @EventSourcingHandler
    void on(TaskChanged event) {
        boolean active = tasks.get(event.taskId()).active();
        tasks.put(event.taskId(), new Task(event.name(), event.billable(), event.rateOverride(),
                event.rateEffectiveFrom(), active));
    }

    @EventSourcingHandler
    void on(TaskDeactivated event) {
        tasks.computeIfPresent(event.taskId(), (id, task) -> task.withActive(false));
    }

    @EventSourcingHandler
    void on(TaskReactivated event) {
        tasks.computeIfPresent(event.taskId(), (id, task) -> task.withActive(true));
    }
}
