package io.ledgerline.app.web.rate;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.organization.OrganizationCalendar;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.rate.RateLevel;
import io.ledgerline.domain.rate.ScheduleRate;
import io.ledgerline.projections.member.FetchMember;
import io.ledgerline.projections.member.MemberQueries;
import io.ledgerline.projections.project.FetchProject;
import io.ledgerline.projections.project.ProjectQueries;
import io.ledgerline.projections.rate.AppliedRate;
import io.ledgerline.projections.rate.FindRates;
import io.ledgerline.projections.rate.RateQueries;
import io.ledgerline.projections.rate.ScheduledRate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/rates")
@Tag(name = "Rates", description = "Effective-dated hourly rates: organization, client, project, task, member")
class RatesController {

    private final CommandDispatcher commands;
    private final RateQueries rates;
    private final ProjectQueries projects;
    private final MemberQueries members;
    private final OrganizationCalendar calendar;

    RatesController(CommandDispatcher commands, RateQueries rates, ProjectQueries projects, MemberQueries members,
                    OrganizationCalendar calendar) {
        this.commands = commands;
        this.rates = rates;
        this.projects = projects;
        this.members = members;
        this.calendar = calendar;
    }

    /** @param hourlyRate {@code null}: from that date on the level sets no rate and the next level's applies */
    record NewRate(@NotNull RateLevel level, UUID targetId,
                   @DecimalMin("0") @Digits(integer = 13, fraction = 4) BigDecimal hourlyRate,
                   LocalDate effectiveFrom) {
    }

    /** The rate that applies, where it came from, and in which currency; no rate: hourlyRate and source absent. */
    record ResolvedRate(LocalDate date, BigDecimal hourlyRate, String source, LocalDate effectiveFrom,
                        String currency) {
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + Permissions.RATES_MANAGE + "')")
    @Operation(summary = "Set a level's hourly rate from a date on (If-Match: the rate card's ETag)")
    Mono<ResponseEntity<Written>> schedule(@Valid @RequestBody NewRate request,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new ScheduleRate(caller.orgId(), null, request.level(), request.targetId(),
                        request.hourlyRate(), request.effectiveFrom()), expected)
                .map(Written::ok);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permissions.RATES_VIEW + "')")
    @Operation(summary = "The rate schedule by level and target, latest date first (filters: level, targetId)")
    Mono<Page<ScheduledRate>> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "level", "targetId");
        RateLevel level = parameters.enumValue("level", RateLevel.class);
        UUID targetId = parameters.uuid("targetId");
        return Callers.current()
                .flatMap(caller -> rates.find(new FindRates(caller.orgId(), level,
                        level == RateLevel.ORGANIZATION ? caller.orgId() : targetId, parameters.window())))
                .map(Page::of);
    }

    @GetMapping("/resolve")
    @PreAuthorize("hasAuthority('" + Permissions.RATES_VIEW + "')")
    @Operation(summary = "The hourly rate for a member's work on a project's task on a date (default: today)")
    Mono<ResolvedRate> resolve(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, false, "memberId", "projectId", "taskId", "date");
        UUID memberId = parameters.uuid("memberId");
        UUID projectId = parameters.uuid("projectId");
        UUID taskId = parameters.uuid("taskId");
        LocalDate date = parameters.date("date");
        if (taskId != null && projectId == null) {
            throw ApiProblem.badRequest("request.bad_query", "A task is resolved within its project.",
                    new FieldViolation("projectId", "required", "give the task's project"));
        }
        return Callers.current().flatMap(caller -> Mono.zip(calendar.organization(caller.orgId()),
                        clientOf(caller.orgId(), projectId, taskId), requireMember(caller.orgId(), memberId))
                .flatMap(known -> {
                    LocalDate on = date != null ? date : calendar.today(known.getT1());
                    String currency = known.getT1().currency();
                    return rates.resolve(caller.orgId(), memberId, known.getT2().orElse(null), projectId, taskId, on)
                            .map(rate -> new ResolvedRate(on, rate.hourlyRate(), rate.source(),
                                    rate.effectiveFrom(), currency))
                            .defaultIfEmpty(new ResolvedRate(on, null, null, null, currency));
                }));
    }

    /** The project's client, once the project (and the task, if named) are known to be the organization's. */
    private Mono<Optional<UUID>> clientOf(UUID orgId, UUID projectId, UUID taskId) {
        if (projectId == null) {
            return Mono.just(Optional.empty());
        }
        return projects.fetch(new FetchProject(orgId, projectId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("project.not_found", "No such project.")))
                .map(project -> {
                    if (taskId != null && project.tasks().stream().noneMatch(task -> task.id().equals(taskId))) {
                        throw ApiProblem.notFound("task.not_found", "No such task.");
                    }
                    return Optional.of(project.clientId());
                });
    }

    private Mono<Boolean> requireMember(UUID orgId, UUID memberId) {
        if (memberId == null) {
            return Mono.just(true);
        }
        return members.fetch(new FetchMember(orgId, memberId))
                .map(member -> true)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("member.not_found", "No such member.")));
    }
}
