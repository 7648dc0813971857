package io.ledgerline.app.web.invoice;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.PatchBody;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.app.web.auth.Currencies;
import io.ledgerline.app.web.organization.OrganizationCalendar;
import io.ledgerline.domain.invoice.AddInvoiceLine;
import io.ledgerline.domain.invoice.BillTo;
import io.ledgerline.domain.invoice.BillToSource;
import io.ledgerline.domain.invoice.ChangeInvoiceLine;
import io.ledgerline.domain.invoice.ChangeInvoiceTerms;
import io.ledgerline.domain.invoice.CreateInvoiceDraft;
import io.ledgerline.domain.invoice.DeleteInvoiceDraft;
import io.ledgerline.domain.invoice.DraftLine;
import io.ledgerline.domain.invoice.FinalizeInvoice;
import io.ledgerline.domain.invoice.InvoiceStatus;
import io.ledgerline.domain.invoice.LineGrouping;
import io.ledgerline.domain.invoice.RecordPayment;
import io.ledgerline.domain.invoice.RemoveInvoiceLine;
import io.ledgerline.domain.invoice.Stage;
import io.ledgerline.domain.invoice.VoidInvoice;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.projections.invoice.FetchInvoice;
import io.ledgerline.projections.invoice.FindInvoices;
import io.ledgerline.projections.invoice.InvoiceHistory;
import io.ledgerline.projections.invoice.InvoiceQueries;
import io.ledgerline.projections.invoice.InvoiceView;
import io.ledgerline.projections.invoice.UnbilledWork;
import io.ledgerline.projections.organization.OrganizationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices", description = "Drafts from approved work, gapless numbering, voids, payments, history")
class InvoicesController {

    private static final String MAY_VIEW = "hasAuthority('" + Permissions.INVOICES_VIEW + "')";
    private static final String MAY_MANAGE = "hasAuthority('" + Permissions.INVOICES_MANAGE + "')";
    private static final String MAY_FINALIZE = "hasAuthority('" + Permissions.INVOICES_FINALIZE + "')";
    private static final String MAY_RECORD_PAYMENT = "hasAuthority('" + Permissions.PAYMENTS_RECORD + "')";
    private static final String NOT_FOUND = "invoice.not_found";

    private final CommandDispatcher commands;
    private final InvoiceQueries invoices;
    private final InvoiceHistory history;
    private final OrganizationCalendar calendar;
    private final BillToSource billTos;
    private final InvoiceWork work;

    InvoicesController(CommandDispatcher commands, InvoiceQueries invoices, InvoiceHistory history,
                       OrganizationCalendar calendar, BillToSource billTos, InvoiceWork work) {
        this.commands = commands;
        this.invoices = invoices;
        this.history = history;
        this.calendar = calendar;
        this.billTos = billTos;
        this.work = work;
    }

    @GetMapping
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "List invoices, newest issue date first (filters: clientId, status, from, to, search)")
    Mono<Page<InvoiceView>> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "clientId", "status", "from", "to", "search");
        UUID clientId = parameters.uuid("clientId");
        InvoiceStatus status = parameters.enumValue("status", InvoiceStatus.class);
        LocalDate from = parameters.date("from");
        LocalDate to = parameters.date("to");
        String search = parameters.text("search");
        if (search != null && search.length() > 32) {
            throw ApiProblem.badRequest("request.bad_query", "Query parameter 'search' is too long.",
                    new FieldViolation("search", "size", "at most 32 characters"));
        }
        return Callers.current()
                .flatMap(caller -> invoices.find(new FindInvoices(caller.orgId(), clientId, status, from, to, search,
                        parameters.window())))
                .map(Page::of);
    }

    @GetMapping("/{invoiceId}")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "One invoice with lines, payments and totals; ?minVersion waits for a write, "
            + "?asOf=<instant> shows it as it was then")
    Mono<ResponseEntity<InvoiceView>> get(@PathVariable UUID invoiceId,
                                          @RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, false, "minVersion", "asOf");
        Long minVersion = ReadYourWrites.minVersion(parameters.text("minVersion"));
        Instant asOf = parameters.parsed("asOf", "expected an instant such as 2026-05-04T09:30:00Z", value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
        });
        if (asOf != null && minVersion != null) {
            throw ApiProblem.badRequest("request.bad_query", "Ask for asOf or minVersion, not both.",
                    new FieldViolation("asOf", "invalid", "not together with minVersion"));
        }
        if (asOf != null && asOf.isAfter(Instant.now())) {
            throw ApiProblem.badRequest("request.bad_query", "asOf cannot be in the future.",
                    new FieldViolation("asOf", "invalid", "a moment that has passed"));
        }
        return Callers.current().flatMap(caller -> asOf == null
                ? read(caller.orgId(), invoiceId, minVersion)
                : asItWas(caller.orgId(), invoiceId, asOf));
    }

    @GetMapping("/{invoiceId}/lines/{lineId}")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "One line of an invoice (its ETag is the invoice's); ?minVersion waits for a write")
    Mono<ResponseEntity<InvoiceView.LineView>> getLine(@PathVariable UUID invoiceId, @PathVariable UUID lineId,
                                                       @RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> read(caller.orgId(), invoiceId, minVersion))
                .map(read -> ResponseEntity.ok().eTag(Versions.etag(read.getBody().version()))
                        .body(read.getBody().lines().stream().filter(line -> line.id().equals(lineId)).findFirst()
                                .orElseThrow(() -> ApiProblem.notFound("invoice.line_not_found",
                                        "The invoice has no such line."))));
    }

    @GetMapping("/{invoiceId}/payments/{paymentId}")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "One payment of an invoice (its ETag is the invoice's); ?minVersion waits for a write")
    Mono<ResponseEntity<InvoiceView.PaymentView>> getPayment(@PathVariable UUID invoiceId,
                                                             @PathVariable UUID paymentId,
                                                             @RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> read(caller.orgId(), invoiceId, minVersion))
                .map(read -> ResponseEntity.ok().eTag(Versions.etag(read.getBody().version()))
                        .body(read.getBody().payments().stream().filter(payment -> payment.id().equals(paymentId))
                                .findFirst()
                                .orElseThrow(() -> ApiProblem.notFound("payment.not_found",
                                        "The invoice has no such payment."))));
    }

    @PostMapping
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Create a draft for a client: its approved, unbilled work in a period, and manual lines")
    Mono<ResponseEntity<Written>> create(@Valid @RequestBody InvoiceBodies.NewInvoice request) {
        UUID invoiceId = UUID.randomUUID();
        Currency currency = Currencies.parse("currency", request.currency());
        List<DraftLine> manualLines = request.lines() == null ? List.of() : request.lines().stream()
                .map(line -> DraftLine.manual(UUID.randomUUID(), line.description(), line.quantity(),
                        line.unitPrice()))
                .toList();
        LineGrouping grouping = request.grouping() == null ? LineGrouping.BY_TASK : request.grouping();
        return Callers.current()
                .flatMap(caller -> calendar.organization(caller.orgId()).zipWith(unbilledWork(caller.orgId(), request))
                        .flatMap(found -> commands.inTransaction(null, send -> send.send(draft(caller.orgId(),
                                invoiceId, request, currency, grouping, found.getT1(), found.getT2(), manualLines)))))
                .map(outcome -> Written.created(outcome, "/api/v1/invoices/" + invoiceId));
    }

    /**
     * The draft as it is created. Runs in the transaction that stores it, so the bill-to snapshot is the client's
     * settings as they are at that moment.
     */
    private CreateInvoiceDraft draft(UUID orgId, UUID invoiceId, InvoiceBodies.NewInvoice request, Currency currency,
                                     LineGrouping grouping, OrganizationView organization, InvoiceWork.Found work,
                                     List<DraftLine> manualLines) {
        BillTo billTo = billTos.billToOf(orgId, request.clientId())
                .orElseThrow(() -> ApiProblem.notFound("client.not_found", "No such client."));
        Currency billedIn = currency != null ? currency : billTo.currency();
        List<DraftLine> lines = new ArrayList<>(InvoiceWork.lines(work, grouping, billedIn,
                Currency.getInstance(organization.currency())));
        lines.addAll(manualLines);
        return new CreateInvoiceDraft(orgId, invoiceId, request.clientId(), request.projectIds(),
                request.periodStart(), request.periodEnd(), grouping, billedIn, request.taxRate(),
                request.issueDate() != null ? request.issueDate() : calendar.today(organization),
                request.dueDate(), request.notes(), billTo, lines);
    }

    @PatchMapping("/{invoiceId}")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Change a draft's issue date, due date, tax rate or notes (If-Match: the ETag read)")
    Mono<ResponseEntity<Written>> changeTerms(@PathVariable UUID invoiceId,
                                              @Valid @RequestBody InvoiceBodies.TermsChange change,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        if (change.isEmpty()) {
            throw PatchBody.nothingToChange();
        }
        return commands.sendFor(caller -> new ChangeInvoiceTerms(caller.orgId(), invoiceId, change.issueDate(),
                        change.dueDate(), change.taxRate(), change.notes()), expected)
                .map(Written::ok);
    }

    @DeleteMapping("/{invoiceId}")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Delete a draft (a finalized invoice is voided instead)")
    Mono<ResponseEntity<Written>> delete(@PathVariable UUID invoiceId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new DeleteInvoiceDraft(caller.orgId(), invoiceId), expected)
                .map(Written::ok);
    }

    @PostMapping("/{invoiceId}/lines")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Add a manual line to a draft")
    Mono<ResponseEntity<Written>> addLine(@PathVariable UUID invoiceId,
                                          @Valid @RequestBody InvoiceBodies.ManualLine line,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        UUID lineId = UUID.randomUUID();
        return commands.sendFor(caller -> new AddInvoiceLine(caller.orgId(), invoiceId, lineId, line.description(),
                        line.quantity(), line.unitPrice()), expected)
                .map(outcome -> Written.createdPart(outcome, lineId,
                        "/api/v1/invoices/" + invoiceId + "/lines/" + lineId));
    }

    @PatchMapping("/{invoiceId}/lines/{lineId}")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Change a draft's line: description, quantity (manual lines) or unit price")
    Mono<ResponseEntity<Written>> changeLine(@PathVariable UUID invoiceId, @PathVariable UUID lineId,
                                             @Valid @RequestBody InvoiceBodies.LineChange change,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        if (change.isEmpty()) {
            throw PatchBody.nothingToChange();
        }
        return commands.sendFor(caller -> new ChangeInvoiceLine(caller.orgId(), invoiceId, lineId,
                        change.description(), change.quantity(), change.unitPrice()), expected)
                .map(outcome -> Written.okPart(outcome, lineId));
    }

    @DeleteMapping("/{invoiceId}/lines/{lineId}")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Remove a line from a draft; the work it billed stays billable")
    Mono<ResponseEntity<Written>> removeLine(@PathVariable UUID invoiceId, @PathVariable UUID lineId,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new RemoveInvoiceLine(caller.orgId(), invoiceId, lineId), expected)
                .map(outcome -> Written.okPart(outcome, lineId));
    }

    @PostMapping("/{invoiceId}/finalize")
    @PreAuthorize(MAY_FINALIZE)
    @Operation(summary = "Issue the draft under the next number and lock the work it bills")
    Mono<ResponseEntity<Written>> finalizeInvoice(@PathVariable UUID invoiceId,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                  String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return Callers.current().flatMap(caller -> Mono.fromCallable(() -> history.current(invoiceId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .filter(invoice -> invoice.orgId().equals(caller.orgId()) && invoice.stage() == Stage.DRAFT)
                // The draft is finalized as it was checked: a change made in between is a stale version.
                .flatMap(draft -> work.requireUnchanged(draft)
                        .thenReturn(Optional.of(expected != null ? expected : draft.version())))
                // Anything else (no such invoice, another organization's, not a draft) the command answers.
                .defaultIfEmpty(Optional.ofNullable(expected))
                .flatMap(version -> commands.send(new FinalizeInvoice(caller.orgId(), invoiceId),
                        version.orElse(null))))
                .map(Written::ok);
    }

    @PostMapping("/{invoiceId}/void")
    @PreAuthorize(MAY_FINALIZE)
    @Operation(summary = "Void a finalized invoice without payments, with a reason; its work becomes billable again")
    Mono<ResponseEntity<Written>> voidInvoice(@PathVariable UUID invoiceId,
                                              @Valid @RequestBody InvoiceBodies.Voiding request,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new VoidInvoice(caller.orgId(), invoiceId, request.reason()), expected)
                .map(Written::ok);
    }

    @PostMapping("/{invoiceId}/payments")
    @PreAuthorize(MAY_RECORD_PAYMENT)
    @Operation(summary = "Record a payment received; never more than the balance due")
    Mono<ResponseEntity<Written>> recordPayment(@PathVariable UUID invoiceId,
                                                @Valid @RequestBody InvoiceBodies.Payment payment,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        UUID paymentId = UUID.randomUUID();
        return commands.sendFor(caller -> new RecordPayment(caller.orgId(), invoiceId, paymentId, payment.amount(),
                        payment.date(), payment.method(), payment.reference()), expected)
                .map(outcome -> Written.createdPart(outcome, paymentId,
                        "/api/v1/invoices/" + invoiceId + "/payments/" + paymentId));
    }

    private Mono<ResponseEntity<InvoiceView>> read(UUID orgId, UUID invoiceId, Long minVersion) {
        return ReadYourWrites.read(minVersion, () -> invoices.fetch(new FetchInvoice(orgId, invoiceId)),
                InvoiceView::version, NOT_FOUND);
    }

    /** Folded from the events stored up to the moment, with the status it had on that day. */
    private Mono<ResponseEntity<InvoiceView>> asItWas(UUID orgId, UUID invoiceId, Instant moment) {
        return Mono.fromCallable(() -> history.asOf(invoiceId, moment))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .filter(invoice -> invoice.orgId().equals(orgId) && !invoice.deleted())
                .zipWith(calendar.organization(orgId), (invoice, organization) ->
                        InvoiceView.of(invoice, calendar.dateAt(organization, moment)))
                .map(view -> ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(NOT_FOUND, "No such invoice at that moment.")));
    }

    /** The client's unbilled work in the draft's period; none without a (valid) period, which the draft refuses. */
    private Mono<InvoiceWork.Found> unbilledWork(UUID orgId, InvoiceBodies.NewInvoice request) {
        if (request.periodStart() == null || request.periodEnd() == null
                || request.periodEnd().isBefore(request.periodStart())) {
            return Mono.just(InvoiceWork.Found.NOTHING);
        }
        return work.find(new UnbilledWork.Scope(orgId, request.clientId(),
                request.projectIds() == null ? Set.of() : Set.copyOf(request.projectIds()), request.periodStart(),
                request.periodEnd()));
    }

}
