package io.ledgerline.app.web.qbo;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.integration.qbo.QboInvoiceLinks;
import io.ledgerline.app.integration.qbo.QboProperties;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.Problem;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.qbo.PushInvoiceToQbo;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.QboInvoicePusher.QboInvoicePush;
import io.ledgerline.domain.qbo.QboInvoiceTrigger;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.domain.qbo.QboSyncAttempted;
import io.ledgerline.projections.invoice.InvoiceHistory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Pushing one invoice to QuickBooks now, and what its QuickBooks copy is. */
@RestController
@RequestMapping("/api/v1/invoices/{invoiceId}")
@Tag(name = "QuickBooks invoices", description = "Invoices pushed to QuickBooks Online, exactly once")
class QboInvoicePushController {

    private static final String MAY_FINALIZE = "hasAuthority('" + Permissions.INVOICES_FINALIZE + "')";
    private static final String MAY_VIEW = "hasAuthority('" + Permissions.INVOICES_VIEW + "')";

    private final CommandDispatcher commands;
    private final QboInvoiceLinks links;
    private final InvoiceHistory invoices;
    private final QboProperties properties;

    QboInvoicePushController(CommandDispatcher commands, QboInvoiceLinks links, InvoiceHistory invoices,
                             QboProperties properties) {
        this.commands = commands;
        this.links = links;
        this.invoices = invoices;
        this.properties = properties;
    }

    /**
     * @param operation created, updated, linked, skipped, deleted or deferred
     * @param note      what happened, for a person
     */
    record Pushed(String operation, String qboInvoiceId, String requestId, String url, String note) {
    }

    /** A 502 or 409 problem with QuickBooks' own answer kept, for Intuit's support. */
    record Refused(String type, String title, int status, String detail, String code, Fault fault,
                   String qboInvoiceId, String requestId) {
    }

    record Fault(String code, String message, String detail, String intuitTid) {
    }

    record Link(String realmId, String qboInvoiceId, String url, Attempt lastAttempt) {
    }

    record Attempt(String operation, String direction, Instant at, String requestId, Long invoiceVersion,
                   Fault fault, String note) {
    }

    @PostMapping("/qbo-push")
    @PreAuthorize(MAY_FINALIZE)
    @Operation(summary = "Push the invoice to QuickBooks now: link, create or update its one QuickBooks invoice",
            description = "200 when done (created, updated, linked, skipped), 202 when QuickBooks must be retried "
                    + "later (a retry is scheduled), 502 qbo.rejected when QuickBooks refused it, 409 qbo.conflict "
                    + "when it changed in QuickBooks twice while updating.")
    Mono<ResponseEntity<Object>> push(@PathVariable UUID invoiceId) {
        return commands.sendFor(caller -> PushInvoiceToQbo.of(caller.orgId(), invoiceId, QboInvoiceTrigger.MANUAL),
                        null)
                .map(outcome -> answer((QboInvoicePush) outcome.result()));
    }

    @GetMapping("/qbo-link")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "The invoice's QuickBooks invoice, a link to open it, and the last sync attempt")
    Mono<Link> link(@PathVariable UUID invoiceId) {
        return Callers.current().flatMap(caller -> Mono.fromCallable(() -> invoices.current(invoiceId)
                                .filter(invoice -> invoice.orgId().equals(caller.orgId()) && !invoice.deleted())
                                .map(invoice -> links.of(invoiceId)))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("invoice.not_found", "No such invoice.")))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("qbo.invoice_not_linked",
                        "The invoice was never pushed to QuickBooks.")))
                .map(link -> new Link(link.realmId(), link.qboId(), url(link.qboId()),
                        link.lastAttempt() == null ? null : attempt(link.lastAttempt(), link.attemptedAt())));
    }

    private ResponseEntity<Object> answer(QboInvoicePush push) {
        return switch (push.operation()) {
            case ERROR -> refused(HttpStatus.BAD_GATEWAY, "qbo.rejected", push);
            case CONFLICT -> refused(HttpStatus.CONFLICT, "qbo.conflict", push);
            case DEFERRED -> ResponseEntity.accepted().body(pushed(push));
            default -> ResponseEntity.ok(pushed(push));
        };
    }

    private Pushed pushed(QboInvoicePush push) {
        return new Pushed(name(push.operation()), push.qboId(), push.requestId(), url(push.qboId()), push.note());
    }

    private static ResponseEntity<Object> refused(HttpStatus status, String code, QboInvoicePush push) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(new Refused(Problem.TYPE_PREFIX + code, status.getReasonPhrase(), status.value(), push.note(),
                        code, fault(push.fault(), push.intuitTid()), push.qboId(), push.requestId()));
    }

    private static Attempt attempt(QboSyncAttempted attempted, Instant at) {
        return new Attempt(name(attempted.operation()), attempted.direction().name().toLowerCase(Locale.ROOT), at,
                attempted.requestId(), attempted.localVersion(), fault(attempted.fault(), attempted.intuitTid()),
                attempted.note());
    }

    private static Fault fault(QboFault fault, String intuitTid) {
        return fault == null && intuitTid == null ? null : fault == null ? new Fault(null, null, null, intuitTid)
                : new Fault(fault.code(), fault.message(), fault.detail(), intuitTid);
    }

    private String url(String qboId) {
        return qboId == null ? null : properties.webAppBase() + "/invoice?txnId=" + qboId;
    }

    private static String name(QboOperation operation) {
        return operation.name().toLowerCase(Locale.ROOT);
    }
}
