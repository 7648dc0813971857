package io.ledgerline.app.web.member;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.command.CommandOutcome;
import io.ledgerline.app.security.AuthService;
import io.ledgerline.app.security.Caller;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.member.ChangeMemberRole;
import io.ledgerline.domain.member.DeactivateMember;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.member.ReactivateMember;
import io.ledgerline.domain.member.Role;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.projections.member.FetchMember;
import io.ledgerline.projections.member.FindMembers;
import io.ledgerline.projections.member.MemberQueries;
import io.ledgerline.projections.member.MemberView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Members", description = "People in the organization, their roles and whether they may sign in")
class MembersController {

    private final CommandDispatcher commands;
    private final AuthService auth;
    private final MemberQueries members;

    MembersController(CommandDispatcher commands, AuthService auth, MemberQueries members) {
        this.commands = commands;
        this.auth = auth;
        this.members = members;
    }

    record NewMember(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String name,
                     @NotNull Role role,
                     @NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password) {
    }

    record MemberChange(Role role, Boolean active) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permissions.MEMBERS_VIEW + "')")
    @Operation(summary = "List members by name (filter: active)")
    Mono<Page<MemberView>> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "active");
        return Callers.current()
                .flatMap(caller -> members.find(new FindMembers(caller.orgId(), parameters.bool("active"),
                        parameters.window())))
                .map(Page::of);
    }

    @GetMapping("/{memberId}")
    @PreAuthorize("hasAuthority('" + Permissions.MEMBERS_VIEW + "')")
    @Operation(summary = "One member; ?minVersion waits for a write to show")
    Mono<ResponseEntity<MemberView>> get(@PathVariable UUID memberId, @RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion,
                () -> members.fetch(new FetchMember(caller.orgId(), memberId)), MemberView::version,
                "member.not_found"));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + Permissions.MEMBERS_MANAGE + "')")
    @Operation(summary = "Add a member with an initial password they sign in with")
    Mono<ResponseEntity<Written>> add(@Valid @RequestBody NewMember request) {
        UUID memberId = UUID.randomUUID();
        return Callers.current()
                .flatMap(caller -> {
                    requireMayGrant(caller, request.role());
                    return auth.addMember(caller.orgId(), memberId, request.email(), request.name(), request.role(),
                            request.password());
                })
                .map(outcome -> Written.created(outcome, "/api/v1/members/" + memberId));
    }

    @PatchMapping("/{memberId}")
    @PreAuthorize("hasAuthority('" + Permissions.MEMBERS_MANAGE + "')")
    @Operation(summary = "Change a member's role or deactivate / reactivate them (If-Match: the member's ETag)")
    Mono<ResponseEntity<Written>> update(@PathVariable UUID memberId, @RequestBody MemberChange change,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return Callers.current().flatMap(caller -> {
            if (change.role() != null) {
                requireMayGrant(caller, change.role());
            }
            if (Boolean.FALSE.equals(change.active()) && caller.memberId().equals(memberId)) {
                return Mono.error(BusinessRuleViolation.conflict("member.cannot_deactivate_self",
                        "You cannot deactivate yourself."));
            }
            return Flux.concat(
                            change.role() == null ? Mono.<CommandOutcome>empty()
                                    : commands.send(new ChangeMemberRole(caller.orgId(), memberId, change.role()), expected),
                            change.active() == null ? Mono.<CommandOutcome>empty()
                                    : commands.send(change.active() ? new ReactivateMember(caller.orgId(), memberId)
                                    : new DeactivateMember(caller.orgId(), memberId),
                                    change.role() == null ? expected : null))
                    .last()
                    .map(Written::ok)
                    .switchIfEmpty(Mono.error(() -> io.ledgerline.app.web.ApiProblem.badRequest("validation.failed",
                            "Give a role or active to change.")));
        });
    }

    /** Only an owner may make someone an owner: an admin cannot promote themselves or others above admin. */
    private static void requireMayGrant(Caller caller, Role role) {
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw new org.springframework.security.access.AccessDeniedException("Only an owner may grant the owner role");
        }
    }
}
