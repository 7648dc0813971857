package io.ledgerline.app.web.organization;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.app.web.auth.Currencies;
import io.ledgerline.app.web.auth.ValidTimeZone;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.organization.BillingDefaults;
import io.ledgerline.domain.organization.UpdateOrganization;
import io.ledgerline.projections.organization.FetchOrganization;
import io.ledgerline.projections.organization.OrganizationQueries;
import io.ledgerline.projections.organization.OrganizationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/organization")
@Tag(name = "Organization", description = "The caller's organization: profile, billing defaults, MFA policy")
class OrganizationController {

    private final CommandDispatcher commands;
    private final OrganizationQueries organizations;

    OrganizationController(CommandDispatcher commands, OrganizationQueries organizations) {
        this.commands = commands;
        this.organizations = organizations;
    }

    /** Every field is optional; what is given changes, what is absent stays. */
    record OrganizationChange(
            @Size(min = 1, max = 200) String name,
            @ValidTimeZone String timeZone,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
            @Valid BillingDefaultsChange billingDefaults,
            Boolean mfaRequired) {
    }

    record BillingDefaultsChange(
            @Min(0) @Max(365) Integer paymentTermsDays,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
            @DecimalMin("0") @DecimalMax("100") BigDecimal taxRate) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permissions.ORGANIZATION_VIEW + "')")
    @Operation(summary = "The caller's organization; ?minVersion waits for a write to show")
    Mono<ResponseEntity<OrganizationView>> get(@RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion,
                () -> organizations.fetch(new FetchOrganization(caller.orgId())), OrganizationView::version,
                "organization.not_found"));
    }

    @PatchMapping
    @PreAuthorize("hasAuthority('" + Permissions.ORGANIZATION_MANAGE + "')")
    @Operation(summary = "Change the profile, billing defaults or MFA requirement (If-Match: the ETag read)")
    Mono<ResponseEntity<Written>> update(@Valid @RequestBody OrganizationChange change,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        BillingDefaults defaults = change.billingDefaults() == null ? null : new BillingDefaults(
                change.billingDefaults().paymentTermsDays(),
                Currencies.parse("billingDefaults.currency", change.billingDefaults().currency()),
                change.billingDefaults().taxRate());
        return Callers.current()
                .flatMap(caller -> commands.send(new UpdateOrganization(caller.orgId(), change.name(),
                        change.timeZone() == null ? null : ZoneId.of(change.timeZone()),
                        Currencies.parse("currency", change.currency()), defaults, change.mfaRequired()), expected))
                .map(Written::ok);
    }
}
