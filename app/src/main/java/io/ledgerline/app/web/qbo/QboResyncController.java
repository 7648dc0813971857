package io.ledgerline.app.web.qbo;

import io.ledgerline.app.integration.qbo.QboException;
import io.ledgerline.app.integration.qbo.QboRefusals;
import io.ledgerline.app.integration.qbo.QboResyncJob;
import io.ledgerline.app.integration.qbo.QboResyncJobs;
import io.ledgerline.app.integration.qbo.QboResyncPlan;
import io.ledgerline.app.integration.qbo.QboResyncPlanner;
import io.ledgerline.app.integration.qbo.QboResyncRunner;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.domain.member.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Force resync: re-fetch everything from QuickBooks and reconcile it with Ledgerline. A dry run answers the plan
 * and writes nothing to QuickBooks; a real one runs as a job whose progress can be read or followed as a stream.
 */
@RestController
@RequestMapping("/api/v1/integrations/qbo")
@Tag(name = "QuickBooks force resync", description = "Plan or run a full reconciliation with QuickBooks and follow it")
class QboResyncController {

    private static final String MAY_MANAGE = "hasAuthority('" + Permissions.INTEGRATIONS_MANAGE + "')";
    private static final String MAY_VIEW = "hasAuthority('" + Permissions.INTEGRATIONS_VIEW + "')";
    /** How often a progress stream looks at the job: often enough to feel live, cheap (one indexed row). */
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);

    private final QboResyncPlanner planner;
    private final QboResyncRunner runner;
    private final QboResyncJobs jobs;

    QboResyncController(QboResyncPlanner planner, QboResyncRunner runner, QboResyncJobs jobs) {
        this.planner = planner;
        this.runner = runner;
        this.jobs = jobs;
    }

    /** The answer to a dry run: the plan, kept as a finished job. */
    record DryRun(UUID jobId, QboResyncPlan plan) {
    }

    record Started(UUID jobId) {
    }

    @PostMapping("/force-resync")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "?dryRun=true: 200 with the plan (creates, updates, links, pulls, conflicts, items), nothing "
            + "written to QuickBooks; otherwise 202 with the job's Location, run in the background")
    Mono<ResponseEntity<?>> forceResync(@RequestParam MultiValueMap<String, String> query) {
        Boolean dryRun = QueryParameters.of(query, false, "dryRun").bool("dryRun");
        return Callers.current().flatMap(caller -> Boolean.TRUE.equals(dryRun)
                ? blocking(() -> {
                    QboResyncPlan plan = planner.plan(caller.orgId());
                    UUID jobId = jobs.recordDryRun(caller.orgId(), caller.memberId().toString(), plan);
                    return ResponseEntity.ok(new DryRun(jobId, plan));
                })
                : blocking(() -> {
                    UUID jobId = runner.start(caller.orgId(), caller.memberId().toString());
                    return ResponseEntity.accepted()
                            .location(URI.create("/api/v1/integrations/qbo/sync-jobs/" + jobId))
                            .body(new Started(jobId));
                }));
    }

    @GetMapping("/sync-jobs/{jobId}")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "A force resync: status (queued, running, succeeded, failed), the plan, done and failed "
            + "changes with the reason of each failure")
    Mono<QboResyncJob> job(@PathVariable UUID jobId) {
        return Callers.current().flatMap(caller -> jobs.find(caller.orgId(), jobId))
                .switchIfEmpty(Mono.error(QboResyncController::notFound));
    }

    @GetMapping(path = "/sync-jobs/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "The job's progress as server-sent events (event: progress), a snapshot whenever it "
            + "changes, until the job ends")
    Mono<ResponseEntity<Flux<ServerSentEvent<QboResyncJob>>>> events(@PathVariable UUID jobId) {
        // Authorized and found before the stream starts: a refusal is an ordinary problem response, never a stream
        // that fails after its headers went out.
        return Callers.current()
                .flatMap(caller -> jobs.find(caller.orgId(), jobId)
                        .switchIfEmpty(Mono.error(QboResyncController::notFound))
                        .map(first -> caller.orgId()))
                .map(orgId -> ResponseEntity.ok()
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .body(Flux.interval(Duration.ZERO, PROGRESS_INTERVAL)
                                .concatMap(tick -> jobs.find(orgId, jobId))
                                .map(QboResyncJob::progress)
                                .distinctUntilChanged()
                                .takeUntil(job -> job.status().finished())
                                .map(job -> ServerSentEvent.builder(job).event("progress").build())));
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("qbo.sync_job_not_found", "No such force resync in your organization.");
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(QboException.class, QboRefusals::refusal);
    }
}
