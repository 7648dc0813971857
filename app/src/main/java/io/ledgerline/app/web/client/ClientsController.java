package io.ledgerline.app.web.client;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.client.ActivateClient;
import io.ledgerline.domain.client.CreateClient;
import io.ledgerline.domain.client.DeactivateClient;
import io.ledgerline.domain.client.DeleteClient;
import io.ledgerline.domain.client.UpdateClientBilling;
import io.ledgerline.domain.client.UpdateClientGeneral;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.projections.client.ClientQueries;
import io.ledgerline.projections.client.ClientStatusFilter;
import io.ledgerline.projections.client.ClientView;
import io.ledgerline.projections.client.FetchClient;
import io.ledgerline.projections.client.FindClients;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/clients")
@Tag(name = "Clients", description = "Who the organization delivers services to: settings, billing, standing")
class ClientsController {

    private static final String MAY_VIEW = "hasAuthority('" + Permissions.CLIENTS_VIEW + "')";
    private static final String MAY_WRITE = "hasAuthority('" + Permissions.CLIENTS_CREATE_EDIT_DELETE + "')";

    private final CommandDispatcher commands;
    private final ClientQueries clients;

    ClientsController(CommandDispatcher commands, ClientQueries clients) {
        this.commands = commands;
        this.clients = clients;
    }

    @GetMapping
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "List clients by name (filters: status active|inactive|all, default active; search; tag)")
    Mono<Page<ClientView>> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "status", "search", "tag");
        ClientStatusFilter status = parameters.enumValue("status", ClientStatusFilter.class);
        return Callers.current()
                .flatMap(caller -> clients.find(new FindClients(caller.orgId(),
                        status == null ? ClientStatusFilter.ACTIVE : status, parameters.text("search"),
                        parameters.text("tag"), parameters.window())))
                .map(Page::of);
    }

    @GetMapping("/{clientId}")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "One client with its project counts; ?minVersion waits for a write to show")
    Mono<ResponseEntity<ClientView>> get(@PathVariable UUID clientId, @RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion,
                () -> clients.fetch(new FetchClient(caller.orgId(), clientId)), ClientView::version,
                "client.not_found"));
    }

    @PostMapping
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Create a client; billing fields left out come from the organization's billing defaults")
    Mono<ResponseEntity<Written>> create(@Valid @RequestBody ClientBodies.NewClient request) {
        UUID clientId = UUID.randomUUID();
        return Callers.current()
                .flatMap(caller -> commands.send(new CreateClient(caller.orgId(), clientId, request.name(),
                        request.code(), request.contact(), request.tags(),
                        request.billing() == null ? null : request.billing().toDomain())))
                .map(outcome -> Written.created(outcome, "/api/v1/clients/" + clientId));
    }

    @PatchMapping("/{clientId}")
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Change general settings: name, contact details, address, tags (If-Match: the ETag read)")
    Mono<ResponseEntity<Written>> updateGeneral(@PathVariable UUID clientId,
                                                @Valid @RequestBody ClientBodies.GeneralChange change,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (change.code() != null) {
            return Mono.error(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "client.code_immutable",
                    "A client's code cannot be changed after it is created."));
        }
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new UpdateClientGeneral(caller.orgId(), clientId, change.name(),
                        change.contact(), change.tags()), expected)
                .map(Written::ok);
    }

    @PatchMapping("/{clientId}/billing")
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Change billing settings; invoices created before keep the settings then in force")
    Mono<ResponseEntity<Written>> updateBilling(@PathVariable UUID clientId,
                                                @Valid @RequestBody ClientBodies.Billing change,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new UpdateClientBilling(caller.orgId(), clientId, change.toDomain()), expected)
                .map(Written::ok);
    }

    @PostMapping("/{clientId}/deactivate")
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Set the client inactive: hidden from the default list, no new projects")
    Mono<ResponseEntity<Written>> deactivate(@PathVariable UUID clientId,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new DeactivateClient(caller.orgId(), clientId), expected)
                .map(Written::ok);
    }

    @PostMapping("/{clientId}/activate")
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Set the client active again")
    Mono<ResponseEntity<Written>> activate(@PathVariable UUID clientId,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new ActivateClient(caller.orgId(), clientId), expected)
                .map(Written::ok);
    }

    @DeleteMapping("/{clientId}")
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Delete the client and its notes; refused while it has active projects")
    Mono<ResponseEntity<Written>> delete(@PathVariable UUID clientId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new DeleteClient(caller.orgId(), clientId), expected)
                .map(Written::ok);
    }
}
