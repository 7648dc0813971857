package io.ledgerline.app.web.client;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.qbo.LinkClientToQbo;
import io.ledgerline.domain.qbo.PushClientToQbo;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.QboSyncAttempted;
import io.ledgerline.domain.qbo.UnlinkClientFromQbo;
import io.ledgerline.projections.qbo.QboCustomerLinkQueries;
import io.ledgerline.projections.qbo.QboCustomerLinkView;
import io.ledgerline.projections.qbo.QboWebApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A client's QuickBooks customer: link, unlink, push, and how its sync stands. The version (ETag, If-Match) is
 * that of the client's customer sync, which every link, unlink and sync attempt moves.
 */
@RestController
@RequestMapping("/api/v1/clients/{clientId}")
@Tag(name = "Clients in QuickBooks", description = "Link a client to its QuickBooks customer, push it, see its sync")
class ClientQboController {

    private static final String MAY_VIEW = "hasAuthority('" + Permissions.CLIENTS_VIEW + "')";
    private static final String MAY_WRITE = "hasAuthority('" + Permissions.CLIENTS_CREATE_EDIT_DELETE + "')";

    private final CommandDispatcher commands;
    private final QboCustomerLinkQueries links;
    private final QboWebApp webApp;

    ClientQboController(CommandDispatcher commands, QboCustomerLinkQueries links, QboWebApp webApp) {
        this.commands = commands;
        this.links = links;
        this.webApp = webApp;
    }

    record LinkRequest(@NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,64}", message = "a QuickBooks Id")
                       String qboCustomerId) {
    }

    /** @param url "view in QuickBooks" */
    record Link(String realmId, String qboCustomerId, String url, String origin, Instant linkedAt,
                Instant lastSyncedAt, String lastOperation, String lastError, long version) {
    }

    /** One push as the sync log records it; {@code operation} is what came of it. */
    record Pushed(String operation, String qboCustomerId, String requestId, String note, QboFault fault,
                  String intuitTid, long version) {
    }

    @GetMapping("/qbo-link")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "The client's QuickBooks customer, a link to it in QuickBooks and how its last sync went")
    Mono<ResponseEntity<Link>> link(@PathVariable UUID clientId, @RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion,
                () -> links.linkOf(caller.orgId(), clientId).map(this::link), Link::version, "qbo.not_linked"));
    }

    @PutMapping("/qbo-link")
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Link the client to a QuickBooks customer (it must exist and not be linked to another client)")
    Mono<ResponseEntity<Written>> putLink(@PathVariable UUID clientId, @Valid @RequestBody LinkRequest request,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new LinkClientToQbo(caller.orgId(), clientId, request.qboCustomerId()),
                        expected)
                .map(outcome -> Written.okPart(outcome, clientId));
    }

    @DeleteMapping("/qbo-link")
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Unlink the client from its QuickBooks customer; both stay as they are")
    Mono<ResponseEntity<Written>> deleteLink(@PathVariable UUID clientId,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new UnlinkClientFromQbo(caller.orgId(), clientId, null), expected)
                .map(outcome -> Written.okPart(outcome, clientId));
    }

    @PostMapping("/qbo-push")
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Create or update the client's customer in QuickBooks now; the answer is the sync log entry")
    Mono<ResponseEntity<Pushed>> push(@PathVariable UUID clientId,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new PushClientToQbo(caller.orgId(), clientId, false), expected)
                .map(outcome -> {
                    QboSyncAttempted attempt = (QboSyncAttempted) outcome.result();
                    return ResponseEntity.ok().eTag(Versions.etag(outcome.version()))
                            .body(new Pushed(attempt.operation().name().toLowerCase(Locale.ROOT), attempt.qboId(),
                                    attempt.requestId(), attempt.note(), attempt.fault(), attempt.intuitTid(),
                                    outcome.version()));
                });
    }

    private Link link(QboCustomerLinkView view) {
        return new Link(view.realmId(), view.qboCustomerId(), webApp.customerUrl(view.qboCustomerId()),
                view.origin() == null ? null : view.origin().toLowerCase(Locale.ROOT), view.linkedAt(),
                view.lastSyncedAt(),
                view.lastOperation() == null ? null : view.lastOperation().toLowerCase(Locale.ROOT),
                view.lastError(), view.version());
    }
}
