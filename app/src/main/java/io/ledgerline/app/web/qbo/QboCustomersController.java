package io.ledgerline.app.web.qbo;

import io.ledgerline.app.integration.qbo.QboCustomerCatalog;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.domain.member.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * QuickBooks' customers, to import them as clients or pick the one a client is. Both need the permission to
 * create clients: the list serves the import and link screens, and shows which client each customer belongs to.
 */
@RestController
@RequestMapping("/api/v1/integrations/qbo/customers")
@Tag(name = "QuickBooks customers", description = "Import QuickBooks customers as clients, see which are linked")
class QboCustomersController {

    private static final String MAY_WRITE_CLIENTS = "hasAuthority('" + Permissions.CLIENTS_CREATE_EDIT_DELETE + "')";

    private final QboCustomerCatalog catalog;

    QboCustomersController(QboCustomerCatalog catalog) {
        this.catalog = catalog;
    }

    record CustomerList(List<QboCustomerCatalog.Entry> items) {
    }

    record ImportRequest(@NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 64) String> customerIds,
                         Boolean linkDuplicates) {
    }

    record ImportResult(List<QboCustomerCatalog.Imported> items) {
    }

    @GetMapping
    @PreAuthorize(MAY_WRITE_CLIENTS)
    @Operation(summary = "Every QuickBooks customer (filters: search in the name; includeInactive), with its linked "
            + "client or the client it probably duplicates")
    Mono<CustomerList> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, false, "search", "includeInactive");
        Boolean includeInactive = parameters.bool("includeInactive");
        return Callers.current()
                .flatMap(caller -> catalog.list(caller.orgId(), parameters.text("search"),
                        Boolean.TRUE.equals(includeInactive)))
                .map(CustomerList::new);
    }

    @PostMapping("/import")
    @PreAuthorize(MAY_WRITE_CLIENTS)
    @Operation(summary = "Create a linked client per chosen customer: linked ones are skipped, a name clash is "
            + "reported as a duplicate or, with linkDuplicates, linked to that client")
    Mono<ImportResult> importCustomers(@Valid @RequestBody ImportRequest request) {
        return Callers.current()
                .flatMapMany(caller -> catalog.importCustomers(caller.orgId(), request.customerIds(),
                        Boolean.TRUE.equals(request.linkDuplicates())))
                .collectList()
                .map(ImportResult::new);
    }
}
