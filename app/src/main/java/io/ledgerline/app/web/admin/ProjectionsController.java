package io.ledgerline.app.web.admin;

import io.ledgerline.app.processing.EventProcessors;
import io.ledgerline.app.processing.ProcessorStatus;
import io.ledgerline.domain.member.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilding read models from the event store. Read models are shared by all organizations, so a replay is a
 * platform operation: an organization's admin who triggers it rebuilds every organization's rows. That is safe —
 * a replay of the same log yields the same rows, and reads stay available (eventually consistent) meanwhile —
 * which is why the permission is granted to admins rather than kept back for an operator role.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Projections", description = "Event processor status and read-model replay (platform administration)")
class ProjectionsController {

    private final EventProcessors processors;
    private final DatabaseClient database;

    ProjectionsController(EventProcessors processors, DatabaseClient database) {
        this.processors = processors;
        this.database = database;
    }

    record ProcessorList(List<ProcessorStatus> items) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTIONS_REPLAY + "')")
    @Operation(summary = "Every event processor and how far it is")
    Mono<ProcessorList> list() {
        return head().map(head -> new ProcessorList(
                processors.names().stream().map(name -> processors.status(name, head.orElse(null))).toList()));
    }

    @GetMapping("/{name}")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTIONS_REPLAY + "')")
    @Operation(summary = "One processor: replaying, per-segment position against the reset position and the head")
    Mono<ProcessorStatus> status(@PathVariable String name) {
        return head().map(head -> processors.status(name, head.orElse(null)));
    }

    @PostMapping("/{name}/replay")
    @PreAuthorize("hasAuthority('" + Permissions.PROJECTIONS_REPLAY + "')")
    @Operation(summary = "Rebuild a read model from the whole event store; follow Location for progress")
    Mono<ResponseEntity<ProcessorStatus>> replay(@PathVariable String name) {
        return Mono.fromRunnable(() -> processors.replay(name))
                .subscribeOn(Schedulers.boundedElastic())
                .then(head())
                .map(head -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/admin/projections/" + name))
                        .body(processors.status(name, head.orElse(null))));
    }

    private Mono<java.util.Optional<Long>> head() {
        return database.sql("SELECT max(globalindex) AS head FROM domainevententry")
                .map(row -> java.util.Optional.ofNullable(row.get("head", Long.class)))
                .one();
    }
}
