package io.ledgerline.app.web.qbo;

import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.qbo.QboDirection;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.projections.qbo.FindQboSyncLog;
import io.ledgerline.projections.qbo.QboLinkState;
import io.ledgerline.projections.qbo.QboSyncHistory;
import io.ledgerline.projections.qbo.QboSyncLogEntry;
import io.ledgerline.projections.qbo.QboSyncLogQueries;
import io.ledgerline.projections.qbo.QboSyncStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the QuickBooks sync did: the log of every link and attempt, the status panel, and the sync state of every
 * record at a past moment, rebuilt from the events.
 */
@RestController
@RequestMapping("/api/v1/integrations/qbo")
@Tag(name = "QuickBooks sync log", description = "Every QuickBooks link and sync attempt, the status panel, and the "
        + "sync history at a past moment")
class QboSyncLogController {

    private static final String MAY_VIEW = "hasAuthority('" + Permissions.INTEGRATIONS_VIEW + "')";

    private final QboSyncLogQueries log;
    private final QboSyncHistory history;
    private final JsonMapper json;

    QboSyncLogController(QboSyncLogQueries log, QboSyncHistory history, JsonMapper json) {
        this.log = log;
        this.history = history;
        this.json = json;
    }

    /** One line of the log; {@code payload} is the exact JSON body sent to QuickBooks. */
    record SyncLogItem(String eventId, Instant at, String entity, UUID localId, String realmId, String qboId,
                       String direction, String operation, String linkOrigin, String requestId, Long localVersion,
                       String qboSyncToken, Instant qboUpdatedAt, QboFault fault, String intuitTid, JsonNode payload,
                       String note, String actor) {
    }

    /** The sync state of every record at {@code asOf}. */
    record SyncHistory(Instant asOf, List<RecordState> items) {
    }

    record RecordState(String entity, UUID localId, String realmId, String qboId, boolean linked, Instant linkedAt,
                       String unlinkReason, boolean openError, Attempt lastAttempt) {
    }

    /** What was sent, when, and what QuickBooks said. */
    record Attempt(Instant at, String direction, String operation, String requestId, JsonNode payload,
                   QboFault fault, String intuitTid, String note) {
    }

    @GetMapping("/sync-log")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "The sync log, newest first (filters: entity customer|invoice|payment; outcome created|"
            + "updated|linked|unlinked|voided|deleted|skipped|conflict|deferred|error; direction push|pull; localId; "
            + "from, to as instants)")
    Mono<Page<SyncLogItem>> syncLog(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "entity", "outcome", "direction", "localId",
                "from", "to");
        QboEntity entity = parameters.enumValue("entity", QboEntity.class);
        QboOperation outcome = parameters.enumValue("outcome", QboOperation.class);
        QboDirection direction = parameters.enumValue("direction", QboDirection.class);
        UUID localId = parameters.uuid("localId");
        Instant from = parameters.instant("from");
        Instant to = parameters.instant("to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.badRequest("request.bad_query", "The time range ends before it starts.",
                    new FieldViolation("to", "invalid", "not before from"));
        }
        var window = parameters.window();
        return Callers.current()
                .flatMap(caller -> log.find(new FindQboSyncLog(caller.orgId(), entity, outcome, localId, from, to,
                        direction, window)))
                .map(slice -> Page.of(slice, this::item));
    }

    @GetMapping("/status")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "The status panel: last sync time, linked records per entity, the last 24 hours' attempts "
            + "per outcome, and the records whose last attempt failed")
    Mono<QboSyncStatus> status() {
        return Callers.current().flatMap(caller -> log.status(caller.orgId()));
    }

    @GetMapping("/sync-history")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "The sync state of every record as it was at ?asOf=<instant>, rebuilt from the event store: "
            + "its link, and its last attempt with the payload sent and QuickBooks' answer")
    Mono<SyncHistory> syncHistory(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, false, "asOf");
        Instant asOf = parameters.instant("asOf");
        if (asOf == null) {
            throw ApiProblem.badRequest("request.bad_query", "Say which moment with asOf.",
                    new FieldViolation("asOf", "required", "expected an instant such as 2026-05-04T09:30:00Z"));
        }
        return Callers.current()
                .flatMap(caller -> history.asOf(caller.orgId(), asOf))
                .map(states -> new SyncHistory(asOf, states.stream().map(this::recordState).toList()));
    }

    private SyncLogItem item(QboSyncLogEntry entry) {
        return new SyncLogItem(entry.eventId(), entry.at(), entry.entity(), entry.localId(), entry.realmId(),
                entry.qboId(), entry.direction(), entry.operation(), entry.linkOrigin(), entry.requestId(),
                entry.localVersion(), entry.qboSyncToken(), entry.qboUpdatedAt(), entry.fault(), entry.intuitTid(),
                payload(entry.payloadJson()), entry.note(), entry.actor());
    }

    private RecordState recordState(QboLinkState state) {
        QboLinkState.Attempt attempt = state.lastAttempt();
        return new RecordState(lower(state.entity()), state.localId(), state.realmId(), state.qboId(), state.linked(),
                state.linkedAt(), state.link() == null ? null : state.link().unlinkReason(), state.openError(),
                attempt == null ? null : new Attempt(attempt.stamp().at(), lower(attempt.direction()),
                        lower(attempt.operation()), attempt.requestId(), payload(attempt.payload()), attempt.fault(),
                        attempt.intuitTid(), attempt.note()));
    }

    private JsonNode payload(String payloadJson) {
        return payloadJson == null ? null : json.readTree(payloadJson);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
