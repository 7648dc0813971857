package io.ledgerline.app.web.auth;

import io.ledgerline.app.security.AuthService;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.member.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Sign-up, login, token refresh and MFA enrolment")
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    record SignUpRequest(
            @NotBlank @Size(max = 200) String organizationName,
            @NotBlank @ValidTimeZone String timeZone,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password) {
    }

    record SignUpResponse(UUID orgId, UUID memberId, long version) {
    }

    record LoginRequest(@NotBlank @Email String email, @NotBlank String password,
                        @Pattern(regexp = "\\d{6}", message = "must be the 6-digit authenticator code") String code) {
    }

    record RefreshRequest(@NotBlank String refreshToken) {
    }

    record MfaCode(@NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6-digit authenticator code") String code) {
    }

    @PostMapping("/signup")
    @Operation(summary = "Create an organization and its owner")
    Mono<ResponseEntity<SignUpResponse>> signUp(@Valid @RequestBody SignUpRequest request) {
        Currency currency = Currencies.parse("currency", request.currency());
        return auth.signUp(request.organizationName(), ZoneId.of(request.timeZone()), currency, request.name(),
                        request.email(), request.password())
                .map(signedUp -> ResponseEntity.created(URI.create("/api/v1/organization"))
                        .eTag(io.ledgerline.app.web.Versions.etag(signedUp.version()))
                        .body(new SignUpResponse(signedUp.orgId(), signedUp.memberId(), signedUp.version())));
    }

    @PostMapping("/login")
    @Operation(summary = "Exchange e-mail, password (and the authenticator code once enrolled) for tokens")
    Mono<AuthService.Tokens> login(@Valid @RequestBody LoginRequest request) {
        return auth.login(request.email(), request.password(), request.code());
    }

    @PostMapping("/refresh")
    @Operation(summary = "Rotate a refresh token into a new access and refresh token")
    Mono<AuthService.Tokens> refresh(@Valid @RequestBody RefreshRequest request) {
        return auth.refresh(request.refreshToken());
    }

    @PostMapping("/mfa/enroll")
    @PreAuthorize("hasAuthority('" + Permissions.MFA_ENROLL + "')")
    @Operation(summary = "Start TOTP enrolment: returns the secret and an otpauth:// URI for an authenticator app")
    Mono<AuthService.MfaEnrolment> enrol() {
        return Callers.current().flatMap(auth::enrolMfa);
    }

    @PostMapping("/mfa/confirm")
    @PreAuthorize("hasAuthority('" + Permissions.MFA_ENROLL + "')")
    @Operation(summary = "Confirm enrolment with a current code; from then on login needs a code")
    Mono<ResponseEntity<Written>> confirm(@Valid @RequestBody MfaCode request) {
        return Callers.current()
                .flatMap(caller -> auth.confirmMfa(caller, request.code()))
                .map(Written::ok);
    }
}
