package io.ledgerline.app.web.client;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.client.AddClientNote;
import io.ledgerline.domain.client.DeleteClientNote;
import io.ledgerline.domain.client.EditClientNote;
import io.ledgerline.domain.client.NoteType;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.projections.client.ClientNoteView;
import io.ledgerline.projections.client.ClientQueries;
import io.ledgerline.projections.client.FetchClient;
import io.ledgerline.projections.client.FindClientNotes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
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

/**
 * A client's running log of meetings, calls and decisions. Notes live inside the client aggregate, so the
 * versions here (ETag, If-Match, minVersion) are the client's.
 */
@RestController
@RequestMapping("/api/v1/clients/{clientId}/notes")
@Tag(name = "Client notes", description = "Meeting notes, phone calls, decisions and e-mails about a client")
class ClientNotesController {

    private static final String MAY_VIEW = "hasAuthority('" + Permissions.CLIENTS_VIEW + "')";
    private static final String MAY_WRITE = "hasAuthority('" + Permissions.CLIENT_NOTES_WRITE + "')";

    private final CommandDispatcher commands;
    private final ClientQueries clients;

    ClientNotesController(CommandDispatcher commands, ClientQueries clients) {
        this.commands = commands;
        this.clients = clients;
    }

    record NewNote(@NotNull NoteType type, @NotBlank @Size(max = 10_000) String body) {
    }

    record NoteChange(NoteType type, @Size(min = 1, max = 10_000) String body) {
    }

    @GetMapping
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "The client's notes, newest first (filter: type); ?minVersion waits for a write to show")
    Mono<Page<ClientNoteView>> list(@PathVariable UUID clientId, @RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "type", "minVersion");
        NoteType type = parameters.enumValue("type", NoteType.class);
        Long minVersion = ReadYourWrites.minVersion(query.getFirst("minVersion"));
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion,
                        () -> clients.version(new FetchClient(caller.orgId(), clientId)), Long::longValue,
                        "client.not_found")
                .then(clients.findNotes(new FindClientNotes(caller.orgId(), clientId, type, parameters.window()))))
                .map(Page::of);
    }

    @GetMapping("/{noteId}")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "One note, with the client's ETag; ?minVersion (a client version) waits for a write to show")
    Mono<ResponseEntity<ClientNoteView>> get(@PathVariable UUID clientId, @PathVariable UUID noteId,
                                             @RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion,
                        () -> clients.version(new FetchClient(caller.orgId(), clientId)), Long::longValue,
                        "client.not_found")
                .flatMap(client -> clients.fetchNote(new FetchClient(caller.orgId(), clientId), noteId)
                        .map(note -> ResponseEntity.ok().eTag(Versions.etag(client.getBody())).body(note)))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("client.note_not_found",
                        "The client has no such note."))));
    }

    @PostMapping
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Add a note; the caller is its author")
    Mono<ResponseEntity<Written>> add(@PathVariable UUID clientId, @Valid @RequestBody NewNote request) {
        UUID noteId = UUID.randomUUID();
        return Callers.current()
                .flatMap(caller -> commands.send(new AddClientNote(caller.orgId(), clientId, noteId, request.type(),
                        request.body(), caller.memberId())))
                .map(outcome -> Written.createdPart(outcome, noteId, "/api/v1/clients/" + clientId + "/notes/" + noteId));
    }

    @PatchMapping("/{noteId}")
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Change a note's type or body (If-Match: the client's ETag)")
    Mono<ResponseEntity<Written>> edit(@PathVariable UUID clientId, @PathVariable UUID noteId,
                                       @Valid @RequestBody NoteChange change,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new EditClientNote(caller.orgId(), clientId, noteId, change.type(),
                        change.body()), expected)
                .map(outcome -> Written.okPart(outcome, noteId));
    }

    @DeleteMapping("/{noteId}")
    @PreAuthorize(MAY_WRITE)
    @Operation(summary = "Delete a note: it leaves every list; the event store keeps its history")
    Mono<ResponseEntity<Written>> delete(@PathVariable UUID clientId, @PathVariable UUID noteId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new DeleteClientNote(caller.orgId(), clientId, noteId), expected)
                .map(outcome -> Written.okPart(outcome, noteId));
    }

}
