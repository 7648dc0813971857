package io.ledgerline.app.web.project;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.command.CommandOutcome;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.app.web.MergedPatch;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.app.web.organization.OrganizationCalendar;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.project.AddTask;
import io.ledgerline.domain.project.BillingMethod;
import io.ledgerline.domain.project.ChangeProjectStatus;
import io.ledgerline.domain.project.CreateProject;
import io.ledgerline.domain.project.DeactivateTask;
import io.ledgerline.domain.project.ProjectStatus;
import io.ledgerline.domain.project.ReactivateTask;
import io.ledgerline.domain.project.UpdateProject;
import io.ledgerline.domain.project.UpdateTask;
import io.ledgerline.projections.project.FetchProject;
import io.ledgerline.projections.project.FindProjects;
import io.ledgerline.projections.project.ProjectQueries;
import io.ledgerline.projections.project.ProjectView;
import io.ledgerline.projections.project.TaskView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
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
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects", description = "Work for a client: billing method, budget, dates, status and tasks")
class ProjectsController {

    private final CommandDispatcher commands;
    private final ProjectQueries projects;
    private final OrganizationCalendar calendar;

    ProjectsController(CommandDispatcher commands, ProjectQueries projects, OrganizationCalendar calendar) {
        this.commands = commands;
        this.projects = projects;
        this.calendar = calendar;
    }

    record NewProject(@NotNull UUID clientId, @NotBlank @Size(max = 200) String name, @Size(max = 64) String code,
                      @NotNull BillingMethod billingMethod,
                      @DecimalMin("0") @Digits(integer = 13, fraction = 4) BigDecimal hourlyRate,
                      @Valid BudgetBody budget, LocalDate startDate, LocalDate endDate) {
    }

    record NewTask(@NotBlank @Size(max = 200) String name, Boolean billable,
                   @DecimalMin("0") @Digits(integer = 13, fraction = 4) BigDecimal rateOverride) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_VIEW + "')")
    @Operation(summary = "List projects by name (filters: clientId, status=all|active|completed|archived, search)")
    Mono<Page<ProjectView>> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "clientId", "status", "search");
        UUID clientId = parameters.uuid("clientId");
        ProjectStatus status = parameters.parsed("status", "expected one of all, active, completed, archived",
                value -> value.equalsIgnoreCase("all") ? null
                        : ProjectStatus.valueOf(value.toUpperCase(Locale.ROOT)));
        String search = parameters.text("search");
        if (search != null && search.length() > 200) {
            throw ApiProblem.badRequest("request.bad_query", "Query parameter 'search' is too long.",
                    new FieldViolation("search", "size", "at most 200 characters"));
        }
        return Callers.current()
                .flatMap(caller -> projects.find(new FindProjects(caller.orgId(), clientId, status, search,
                        parameters.window())))
                .map(Page::of);
    }

    @GetMapping("/{projectId}")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_VIEW + "')")
    @Operation(summary = "One project with its tasks; ?minVersion waits for a write to show")
    Mono<ResponseEntity<ProjectView>> get(@PathVariable UUID projectId,
                                          @RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion,
                () -> projects.fetch(new FetchProject(caller.orgId(), projectId)), ProjectView::version,
                "project.not_found"));
    }

    @GetMapping("/{projectId}/tasks/{taskId}")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_VIEW + "')")
    @Operation(summary = "One task (its ETag is its project's); ?minVersion waits for a write to show")
    Mono<ResponseEntity<TaskView>> getTask(@PathVariable UUID projectId, @PathVariable UUID taskId,
                                           @RequestParam MultiValueMap<String, String> query) {
        return get(projectId, query).map(read -> {
            TaskView task = task(read.getBody(), taskId);
            return ResponseEntity.ok().eTag(Versions.etag(read.getBody().version())).body(task);
        });
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_MANAGE + "')")
    @Operation(summary = "Open a project for an active client of the organization")
    Mono<ResponseEntity<Written>> create(@Valid @RequestBody NewProject request) {
        UUID projectId = UUID.randomUUID();
        return Callers.current()
                .flatMap(caller -> commands.send(new CreateProject(caller.orgId(), projectId, request.clientId(),
                        request.name(), request.code(), request.billingMethod(), request.hourlyRate(),
                        BudgetBody.toBudget(request.budget()), request.startDate(), request.endDate())))
                .map(outcome -> Written.created(outcome, "/api/v1/projects/" + projectId));
    }

    @PatchMapping("/{projectId}")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_MANAGE + "')")
    @Operation(summary = "Change a project's details; absent fields stay, null clears (If-Match: the ETag read)")
    Mono<ResponseEntity<Written>> update(@PathVariable UUID projectId, @Valid @RequestBody ProjectChange change,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        change.requireChange("name", "billingMethod");
        requireRateWithItsDate(change.has("hourlyRateEffectiveFrom") && !change.changesRate(),
                "hourlyRateEffectiveFrom", "hourlyRate");
        return Callers.current()
                .flatMap(caller -> rateEffectiveFrom(caller.orgId(), change.changesRate(),
                        change.has("hourlyRateEffectiveFrom"), change.hourlyRateEffectiveFrom()).flatMap(rateFrom -> mergeAndSend(caller.orgId(), projectId,
                        expected, current -> new UpdateProject(
                        caller.orgId(), projectId,
                        change.has("name") ? change.name() : current.name(),
                        change.has("code") ? change.code() : current.code(),
                        change.has("billingMethod") ? change.billingMethod() : current.billingMethod(),
                        change.has("hourlyRate") ? change.hourlyRate() : current.hourlyRate(),
                        change.has("budget") ? BudgetBody.toBudget(change.budget()) : current.budget(),
                        change.has("startDate") ? change.startDate() : current.startDate(),
                        change.has("endDate") ? change.endDate() : current.endDate(), rateFrom.orElse(null)))))
                .map(Written::ok);
    }

    @PostMapping("/{projectId}/complete")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_MANAGE + "')")
    @Operation(summary = "Mark the project completed (If-Match optional)")
    Mono<ResponseEntity<Written>> complete(@PathVariable UUID projectId,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changeStatus(projectId, ProjectStatus.COMPLETED, ifMatch);
    }

    @PostMapping("/{projectId}/archive")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_MANAGE + "')")
    @Operation(summary = "Archive the project: it and its tasks become read-only (If-Match optional)")
    Mono<ResponseEntity<Written>> archive(@PathVariable UUID projectId,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changeStatus(projectId, ProjectStatus.ARCHIVED, ifMatch);
    }

    @PostMapping("/{projectId}/reactivate")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_MANAGE + "')")
    @Operation(summary = "Make a completed or archived project active again; its client must be active")
    Mono<ResponseEntity<Written>> reactivate(@PathVariable UUID projectId,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changeStatus(projectId, ProjectStatus.ACTIVE, ifMatch);
    }

    @PostMapping("/{projectId}/tasks")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_MANAGE + "')")
    @Operation(summary = "Add a task; billable unless said otherwise, at the project's rate unless overridden")
    Mono<ResponseEntity<Written>> addTask(@PathVariable UUID projectId, @Valid @RequestBody NewTask request,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        UUID taskId = UUID.randomUUID();
        return Callers.current()
                .flatMap(caller -> commands.send(new AddTask(caller.orgId(), projectId, taskId, request.name(),
                        request.billable() == null || request.billable(), request.rateOverride()), expected))
                .map(outcome -> Written.createdPart(outcome, taskId,
                        "/api/v1/projects/" + projectId + "/tasks/" + taskId));
    }

    @PatchMapping("/{projectId}/tasks/{taskId}")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_MANAGE + "')")
    @Operation(summary = "Rename a task or change whether it is billable or its rate (If-Match: the project's ETag)")
    Mono<ResponseEntity<Written>> updateTask(@PathVariable UUID projectId, @PathVariable UUID taskId,
                                             @Valid @RequestBody TaskChange change,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        change.requireChange("name", "billable");
        requireRateWithItsDate(change.has("rateEffectiveFrom") && !change.has("rateOverride"), "rateEffectiveFrom",
                "rateOverride");
        return Callers.current()
                .flatMap(caller -> rateEffectiveFrom(caller.orgId(), change.has("rateOverride"),
                        change.has("rateEffectiveFrom"), change.rateEffectiveFrom()).flatMap(rateFrom -> mergeAndSend(caller.orgId(), projectId,
                        expected, current -> {
                            TaskView task = task(current, taskId);
                            return new UpdateTask(caller.orgId(), projectId, taskId,
                                    change.has("name") ? change.name() : task.name(),
                                    change.has("billable") ? change.billable() : task.billable(),
                                    change.has("rateOverride") ? change.rateOverride() : task.rateOverride(),
                                    rateFrom.orElse(null));
                        })))
                .map(outcome -> Written.okPart(outcome, taskId));
    }

    @PostMapping("/{projectId}/tasks/{taskId}/deactivate")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_MANAGE + "')")
    @Operation(summary = "Stop booking time on a task; its name becomes free for a new task")
    Mono<ResponseEntity<Written>> deactivateTask(@PathVariable UUID projectId, @PathVariable UUID taskId,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new DeactivateTask(caller.orgId(), projectId, taskId), expected)
                .map(outcome -> Written.okPart(outcome, taskId));
    }

    @PostMapping("/{projectId}/tasks/{taskId}/reactivate")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTS_MANAGE + "')")
    @Operation(summary = "Book time on a task again; no other active task may have its name")
    Mono<ResponseEntity<Written>> reactivateTask(@PathVariable UUID projectId, @PathVariable UUID taskId,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new ReactivateTask(caller.orgId(), projectId, taskId), expected)
                .map(outcome -> Written.okPart(outcome, taskId));
    }

    private Mono<ResponseEntity<Written>> changeStatus(UUID projectId, ProjectStatus status, String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new ChangeProjectStatus(caller.orgId(), projectId, status), expected)
                .map(Written::ok);
    }

    private Mono<CommandOutcome> mergeAndSend(UUID orgId, UUID projectId, Long ifMatch,
                                              Function<ProjectView, Object> merge) {
        return MergedPatch.send(commands, ifMatch, () -> projects.fetch(new FetchProject(orgId, projectId)),
                ProjectView::version, "project.not_found", merge);
    }

    /**
     * The date a rate change applies from: the one given (null: since always, to correct a mistyped rate), else today
     * where the organization works. A change that cannot touch the rate needs none: the project keeps the date its
     * current rate applies from.
     */
    private Mono<Optional<LocalDate>> rateEffectiveFrom(UUID orgId, boolean changesRate, boolean dateGiven,
                                                        LocalDate given) {
        if (dateGiven) {
            return Mono.just(Optional.ofNullable(given));
        }
        return changesRate ? calendar.today(orgId).map(Optional::of) : Mono.just(Optional.empty());
    }

    private static void requireRateWithItsDate(boolean dateWithoutRate, String dateField, String rateField) {
        if (dateWithoutRate) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation.failed", "The request has invalid fields.",
                    java.util.List.of(new FieldViolation(dateField, "requires_" + rateField,
                            "give " + rateField + " with the date it applies from")));
        }
    }

    private static TaskView task(ProjectView project, UUID taskId) {
        return project.tasks().stream()
                .filter(task -> task.id().equals(taskId))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("task.not_found", "No such task."));
    }
}
