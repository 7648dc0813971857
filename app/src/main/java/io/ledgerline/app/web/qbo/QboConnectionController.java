package io.ledgerline.app.web.qbo;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.integration.qbo.QboConnector;
import io.ledgerline.app.integration.qbo.QboException;
import io.ledgerline.app.integration.qbo.QboOAuthStates;
import io.ledgerline.app.integration.qbo.QboProperties;
import io.ledgerline.app.integration.qbo.QboTokenStore;
import io.ledgerline.app.registry.QboConnectionRegistry;
import io.ledgerline.app.security.Caller;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.qbo.ChangeQboSettings;
import io.ledgerline.domain.qbo.ConnectQbo;
import io.ledgerline.domain.qbo.DisconnectQbo;
import io.ledgerline.domain.qbo.QboConnection;
import io.ledgerline.domain.qbo.QboSettings;
import io.ledgerline.projections.qbo.QboConnectionQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/v1/integrations")
@Tag(name = "Integrations", description = "Connecting QuickBooks Online and the other systems Ledgerline syncs with")
class QboConnectionController {

    private static final String MAY_VIEW = "hasAuthority('" + Permissions.INTEGRATIONS_VIEW + "')";
    private static final String MAY_MANAGE = "hasAuthority('" + Permissions.INTEGRATIONS_MANAGE + "')";

    private final CommandDispatcher commands;
    private final QboConnectionQueries connections;
    private final QboConnectionRegistry registry;
    private final QboOAuthStates states;
    private final QboConnector connector;
    private final QboTokenStore tokens;
    private final QboProperties properties;

    QboConnectionController(CommandDispatcher commands, QboConnectionQueries connections,
                            QboConnectionRegistry registry, QboOAuthStates states, QboConnector connector,
                            QboTokenStore tokens, QboProperties properties) {
        this.commands = commands;
        this.connections = connections;
        this.registry = registry;
        this.states = states;
        this.connector = connector;
        this.tokens = tokens;
        this.properties = properties;
    }

    record ConnectLink(String authorizationUrl, String state, Instant expiresAt) {
    }

    record Connected(String status, String realmId, String companyName) {
    }

    record Settings(@NotNull Boolean syncCustomers, @NotNull Boolean syncInvoices, @NotNull Boolean pushOnFinalize) {

        static Settings of(QboSettings settings) {
            return new Settings(settings.syncCustomers(), settings.syncInvoices(), settings.pushOnFinalize());
        }

        QboSettings toDomain() {
            return new QboSettings(syncCustomers, syncInvoices, pushOnFinalize);
        }
    }

    @GetMapping
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "Every integration as a card: status, connected account, last sync")
    Mono<List<IntegrationCard>> list() {
        return Callers.current().flatMap(this::qboCard).map(List::of);
    }

    @GetMapping("/qbo")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "The QuickBooks Online card")
    Mono<IntegrationCard> qbo() {
        return Callers.current().flatMap(this::qboCard);
    }

    private Mono<IntegrationCard> qboCard(Caller caller) {
        Mono<Optional<Instant>> hardExpiry = blocking(() -> tokens.refreshHardExpiresAt(caller.orgId()));
        return connections.fetch(caller.orgId())
                .flatMap(view -> hardExpiry.map(expiry -> IntegrationCard.of(view, expiry.orElse(null))))
                .defaultIfEmpty(IntegrationCard.neverConnected());
    }

    @PostMapping("/qbo/connect")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Start connecting: Intuit's consent page, with a single-use state for this admin")
    Mono<ConnectLink> connect() {
        if (!properties.configured()) {
            return Mono.error(ApiProblem.conflict("qbo.not_configured", "QuickBooks Online is not configured on "
                    + "this server: set LEDGERLINE_QBO_CLIENT_ID, LEDGERLINE_QBO_CLIENT_SECRET and "
                    + "LEDGERLINE_QBO_REDIRECT_URI."));
        }
        return Callers.current()
                .flatMap(caller -> blocking(() -> states.issue(caller.orgId(), caller.memberId())))
                .map(issued -> new ConnectLink(connector.authorizationUrl(issued.state()).toString(), issued.state(),
                        issued.expiresAt()));
    }

    /**
     * Where Intuit sends the admin back. It carries no bearer token: the state names the organization and the admin,
     * and is used up whatever comes of the callback.
     */
    @GetMapping("/qbo/callback")
    @Operation(summary = "Intuit's redirect after consent (no bearer token: the state authenticates it)")
    Mono<Connected> callback(@RequestParam(required = false) String code,
                             @RequestParam(required = false) String state,
                             @RequestParam(required = false) String realmId,
                             @RequestParam(required = false) String error) {
        return blocking(() -> states.consume(state)).flatMap(owner -> {
            if (owner.isEmpty()) {
                return Mono.error(ApiProblem.badRequest("qbo.state_invalid", "This connect link is unknown, expired "
                        + "or already used. Start connecting again.", new FieldViolation("state", "invalid",
                        "unknown, expired or already used")));
            }
            if (error != null) {
                return Mono.error(ApiProblem.badRequest("qbo.authorization_denied", "QuickBooks did not authorize "
                        + "Ledgerline (" + error + "). Nothing was connected."));
            }
            List<FieldViolation> missing = new ArrayList<>();
            if (code == null || code.isBlank()) {
                missing.add(new FieldViolation("code", "required", "QuickBooks sent no authorization code"));
            }
            if (realmId == null || realmId.isBlank()) {
                missing.add(new FieldViolation("realmId", "required", "QuickBooks named no company"));
            }
            if (!missing.isEmpty()) {
                return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "qbo.callback_incomplete",
                        "The callback lacks what a connect needs. Nothing was connected.", missing));
            }
            UUID orgId = owner.get().orgId();
            UUID memberId = owner.get().memberId();
            return blocking(() -> connector.authorize(orgId, code, realmId))
                    .onErrorMap(QboException.class, QboConnectionController::authorizationFailed)
                    .flatMap(authorized -> commands.inTransaction(memberId.toString(), sent -> sent.send(
                                    new ConnectQbo(orgId, QboConnection.idOf(orgId), authorized.realmId(),
                                            authorized.companyName(), memberId)))
                            .thenReturn(new Connected("connected", authorized.realmId(), authorized.companyName())));
        });
    }

    private static ApiProblem authorizationFailed(QboException failure) {
        if (failure.transientFailure()) {
            return new ApiProblem(HttpStatus.BAD_GATEWAY, "qbo.unavailable",
                    "Intuit could not be reached to complete the connect. Start connecting again shortly.");
        }
        return ApiProblem.badRequest("qbo.authorization_failed", "Intuit refused the authorization code (it may be "
                + "used or expired). Start connecting again.");
    }

    @PostMapping("/qbo/disconnect")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Disconnect: revoke at Intuit (best effort), delete the tokens; links and synced records stay")
    Mono<ResponseEntity<Written>> disconnect() {
        return Callers.current().flatMap(caller -> requireConnection(caller)
                .then(blocking(() -> connector.disconnect(caller.orgId())))
                .flatMap(revoked -> commands.send(new DisconnectQbo(caller.orgId(), QboConnection.idOf(caller.orgId()),
                        caller.memberId(), revoked))))
                .map(Written::ok);
    }

    @GetMapping("/qbo/settings")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "What the integration may do; the ETag is the connection's version (?minVersion waits)")
    Mono<ResponseEntity<Settings>> settings(@RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current()
                .flatMap(caller -> ReadYourWrites.read(minVersion, () -> connections.fetch(caller.orgId()),
                        view -> view.version(), "qbo.not_connected"))
                .map(answer -> ResponseEntity.ok().headers(answer.getHeaders())
                        .body(Settings.of(answer.getBody().settings())))
                .onErrorMap(failure -> failure instanceof ApiProblem problem && problem.status() == HttpStatus.NOT_FOUND,
                        failure -> notConnected());
    }

    @PutMapping("/qbo/settings")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Change what the integration may do (If-Match: the settings' ETag)")
    Mono<ResponseEntity<Written>> changeSettings(@Valid @RequestBody Settings settings,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return Callers.current().flatMap(caller -> requireConnection(caller)
                        .then(commands.send(new ChangeQboSettings(caller.orgId(), QboConnection.idOf(caller.orgId()),
                                settings.toDomain()), expected)))
                .map(Written::ok);
    }

    private Mono<Void> requireConnection(Caller caller) {
        return blocking(() -> registry.connection(caller.orgId()))
                .flatMap(connection -> connection.isPresent() ? Mono.<Void>empty() : Mono.error(notConnected()));
    }

    private static ApiProblem notConnected() {
        return ApiProblem.conflict("qbo.not_connected", "This organization has not connected QuickBooks yet.");
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
