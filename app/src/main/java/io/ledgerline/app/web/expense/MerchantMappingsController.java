package io.ledgerline.app.web.expense;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.expense.ChangeMerchantMapping;
import io.ledgerline.domain.expense.Expense;
import io.ledgerline.domain.expense.MapMerchant;
import io.ledgerline.domain.expense.MerchantMapping;
import io.ledgerline.domain.expense.UnmapMerchant;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.projections.expense.MerchantMappingQueries;
import io.ledgerline.projections.expense.MerchantMappingView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

@RestController
@RequestMapping("/api/v1/expense-merchant-mappings")
@Tag(name = "Merchant mappings", description = "The project and category new expenses at a merchant default to")
class MerchantMappingsController {

    private static final String MAY_MANAGE = "hasAuthority('" + Permissions.EXPENSES_SETTINGS + "')";
    private static final String BASE = "/api/v1/expense-merchant-mappings/";

    private final CommandDispatcher commands;
    private final MerchantMappingQueries mappings;

    MerchantMappingsController(CommandDispatcher commands, MerchantMappingQueries mappings) {
        this.commands = commands;
        this.mappings = mappings;
    }

    record NewMapping(@NotBlank @Size(max = Expense.MAX_MERCHANT_LENGTH) String merchant, UUID projectId,
                      UUID categoryId) {
    }

    record MappingDefaults(UUID projectId, UUID categoryId) {
    }

    @GetMapping
    @PreAuthorize(ExpensesController.MAY_READ)
    @Operation(summary = "List merchant mappings by merchant")
    Mono<Page<MerchantMappingView>> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true);
        return Callers.current()
                .flatMap(caller -> mappings.find(caller.orgId(), parameters.window()))
                .map(Page::of);
    }

    @GetMapping("/match")
    @PreAuthorize(ExpensesController.MAY_READ)
    @Operation(summary = "The mapping a new expense at ?merchant= would take its defaults from")
    Mono<MerchantMappingView> match(@RequestParam MultiValueMap<String, String> query) {
        String merchant = QueryParameters.of(query, false, "merchant").text("merchant");
        if (merchant == null) {
            throw ApiProblem.badRequest("request.bad_query", "Query parameter 'merchant' is required.",
                    new FieldViolation("merchant", "required", "name the merchant"));
        }
        return Callers.current()
                .flatMap(caller -> mappings.match(caller.orgId(), merchant))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("merchant_mapping.not_found",
                        "No mapping for this merchant.")));
    }

    @GetMapping("/{mappingId}")
    @PreAuthorize(ExpensesController.MAY_READ)
    @Operation(summary = "One mapping; ?minVersion waits for a write to show")
    Mono<ResponseEntity<MerchantMappingView>> get(@PathVariable UUID mappingId,
                                                  @RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion,
                () -> mappings.fetch(caller.orgId(), mappingId), MerchantMappingView::version,
                "merchant_mapping.not_found"));
    }

    /** A merchant has one mapping: posting it again replaces it (200) instead of making a second (201). */
    @PostMapping
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Map a merchant to a project and/or category, replacing its earlier mapping")
    Mono<ResponseEntity<Written>> map(@Valid @RequestBody NewMapping request) {
        return commands.sendFor(caller -> new MapMerchant(caller.orgId(),
                        MerchantMapping.idFor(caller.orgId(), request.merchant()), request.merchant(),
                        request.projectId(), request.categoryId()), null)
                .map(outcome -> Boolean.TRUE.equals(outcome.result())
                        ? Written.created(outcome, BASE + outcome.aggregateId())
                        : Written.ok(outcome));
    }

    @PutMapping("/{mappingId}")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Replace a mapping's project and category (null or absent: none)")
    Mono<ResponseEntity<Written>> change(@PathVariable UUID mappingId, @RequestBody MappingDefaults request,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new ChangeMerchantMapping(caller.orgId(), mappingId, request.projectId(),
                        request.categoryId()), expected)
                .map(Written::ok);
    }

    @DeleteMapping("/{mappingId}")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Remove a merchant's mapping")
    Mono<ResponseEntity<Written>> unmap(@PathVariable UUID mappingId,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new UnmapMerchant(caller.orgId(), mappingId), expected)
                .map(Written::ok);
    }
}
