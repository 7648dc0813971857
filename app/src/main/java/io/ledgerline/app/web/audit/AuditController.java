package io.ledgerline.app.web.audit;

import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.projections.audit.AuditQueries;
import io.ledgerline.projections.audit.FetchEventHistory;
import io.ledgerline.projections.audit.RecordedEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The full event history of any record: what changed, when, by whom, in which request")
class AuditController {

    private final AuditQueries audit;
    private final JsonMapper json;

    AuditController(AuditQueries audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /** One event; {@code payload} is the event as stored, so auditors see exactly what the log holds. */
    record AuditEvent(long sequence, String type, Instant occurredAt, String actor, String requestId,
                      JsonNode payload) {
    }

    @GetMapping("/{resourceType}/{id}/events")
    @PreAuthorize("hasAuthority('" + Permissions.AUDIT_READ + "')")
    @Operation(summary = "The events of one record, oldest first (resourceType: organizations, members, clients, "
            + "projects, time-entries, timesheets, timers); cursor-paged by sequence")
    Mono<Page<AuditEvent>> events(@PathVariable String resourceType, @PathVariable String id,
                                  @RequestParam MultiValueMap<String, String> query) {
        String aggregateType = AuditedResource.aggregateType(resourceType);
        QueryParameters parameters = QueryParameters.of(query, true);
        var window = parameters.window();
        return Callers.current()
                .flatMap(caller -> audit.history(new FetchEventHistory(caller.orgId(), aggregateType, id, window)))
                // A record of another organization reads exactly like one that does not exist.
                .filter(slice -> window.after() != null || !slice.items().isEmpty())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("audit.not_found",
                        "No such record in your organization.")))
                .map(slice -> Page.of(slice, this::toResponse));
    }

    private AuditEvent toResponse(RecordedEvent event) {
        return new AuditEvent(event.sequence(), event.type(), event.occurredAt(), event.actor(), event.requestId(),
                json.readTree(event.payloadJson()));
    }
}
