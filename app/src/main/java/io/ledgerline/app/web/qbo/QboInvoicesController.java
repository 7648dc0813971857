package io.ledgerline.app.web.qbo;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.integration.qbo.QboInvoiceImport;
import io.ledgerline.app.integration.qbo.QboProperties;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.projections.qbo.QboImportedInvoiceQueries;
import io.ledgerline.projections.qbo.QboImportedInvoiceView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** QuickBooks invoices imported into Ledgerline for consolidated reporting. */
@RestController
@RequestMapping("/api/v1/integrations/qbo/invoices")
@Tag(name = "QuickBooks invoices")
class QboInvoicesController {

    private static final String MAY_MANAGE = "hasAuthority('" + Permissions.INTEGRATIONS_MANAGE + "')";
    private static final String MAY_VIEW = "hasAuthority('" + Permissions.INTEGRATIONS_VIEW + "')";
    private static final Set<String> STATUSES = Set.of("paid", "partial", "unpaid", "voided");

    private final CommandDispatcher commands;
    private final QboInvoiceImport importer;
    private final QboImportedInvoiceQueries imported;
    private final QboProperties properties;

    QboInvoicesController(CommandDispatcher commands, QboInvoiceImport importer, QboImportedInvoiceQueries imported,
                          QboProperties properties) {
        this.commands = commands;
        this.importer = importer;
        this.imported = imported;
        this.properties = properties;
    }

    /** @param since only invoices QuickBooks changed on or after this day; all when absent */
    record ImportRequest(LocalDate since) {
    }

    record ImportedItem(String qboInvoiceId, String docNumber, String qboCustomerId, UUID clientId,
                        LocalDate txnDate, LocalDate dueDate, BigDecimal total, BigDecimal balance, String currency,
                        String status, String url, long version) {
    }

    @PostMapping("/import")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Import QuickBooks invoices (and their payments, in their balances) for reporting",
            description = "Invoices pushed from Ledgerline are recognised by their link and not imported twice; "
                    + "importing again records only what QuickBooks changed.")
    Mono<QboInvoiceImport.Outcome> importInvoices(@RequestBody(required = false) ImportRequest request) {
        LocalDate since = request == null ? null : request.since();
        return Callers.current().flatMap(caller -> Mono.fromCallable(() -> importer.read(caller.orgId(), since))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(invoices -> commands.inTransaction(null,
                        sent -> importer.importAll(caller.orgId(), invoices, command -> sent.send(command).result()))));
    }

    @GetMapping
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "Imported QuickBooks invoices, newest first; filters clientId and status "
            + "(paid, partial, unpaid, voided)")
    Mono<Page<ImportedItem>> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "clientId", "status");
        UUID clientId = parameters.uuid("clientId");
        String status = parameters.text("status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.badRequest("request.bad_query", "Unknown status '" + status + "'.",
                    new FieldViolation("status", "invalid", "expected one of paid, partial, unpaid, voided"));
        }
        return Callers.current().flatMap(caller -> imported.find(caller.orgId(), clientId, status,
                        parameters.window()))
                .map(slice -> Page.of(slice, this::item));
    }

    private ImportedItem item(QboImportedInvoiceView view) {
        return new ImportedItem(view.qboInvoiceId(), view.docNumber(), view.qboCustomerId(), view.clientId(),
                view.txnDate(), view.dueDate(), view.total(), view.balance(), view.currency(), view.status(),
                properties.webAppBase() + "/invoice?txnId=" + view.qboInvoiceId(), view.version());
    }
}
