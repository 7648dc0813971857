package io.ledgerline.app.web.expense;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.command.CommandMetadata;
import io.ledgerline.app.registry.ExpenseReceipts;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.expense.AttachReceipt;
import io.ledgerline.domain.expense.RemoveReceipt;
import io.ledgerline.projections.expense.ExpenseQueries;
import io.ledgerline.projections.expense.FetchExpense;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/expenses/{expenseId}/receipt")
@Tag(name = "Expenses")
class ExpenseReceiptController {

    private final CommandDispatcher commands;
    private final ExpenseReceipts receipts;
    private final ExpenseQueries expenses;

    ExpenseReceiptController(CommandDispatcher commands, ExpenseReceipts receipts, ExpenseQueries expenses) {
        this.commands = commands;
        this.receipts = receipts;
        this.expenses = expenses;
    }

    /**
     * The file and the {@code ReceiptAttached} event are written in one transaction: either the expense has the
     * receipt and its history says so, or neither.
     */
    @PutMapping
    @PreAuthorize(ExpensesController.MAY_SUBMIT)
    @Operation(summary = "Attach the receipt (raw body: a JPEG, PNG or PDF of at most 5 MB, with its Content-Type), "
            + "replacing any earlier one; name it with ?filename= or Content-Disposition")
    Mono<ResponseEntity<Written>> attach(@PathVariable UUID expenseId,
                                         @RequestParam MultiValueMap<String, String> query,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         ServerHttpRequest request) {
        String filename = QueryParameters.of(query, false, "filename").text("filename");
        Long expected = Versions.expected(ifMatch);
        return Mono.defer(() -> ReceiptUpload.read(request, filename))
                .zipWith(Callers.current())
                .flatMap(read -> commands.inTransaction(null, transaction -> {
                    ReceiptUpload upload = read.getT1();
                    UUID orgId = read.getT2().orgId();
                    if (!receipts.store(orgId, expenseId, upload.contentType(), upload.filename(), upload.sha256(),
                            upload.content())) {
                        throw ApiProblem.notFound("expense.not_found", "No such expense.");
                    }
                    AttachReceipt command = new AttachReceipt(orgId, expenseId, read.getT2().memberId(),
                            upload.contentType(), upload.content().length, upload.sha256(), upload.filename());
                    // The expected version travels as metadata, as CommandDispatcher#send puts it.
                    return transaction.send(expected == null ? command : GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(Map.of(CommandMetadata.EXPECTED_VERSION, expected)));
                }))
                .map(Written::ok);
    }

    /** Sent as an attachment, so a browser saves the file rather than running a PDF's scripts in the API's origin. */
    @GetMapping
    @PreAuthorize(ExpensesController.MAY_READ)
    @Operation(summary = "The receipt file as it was uploaded, with its content type")
    Mono<ResponseEntity<byte[]>> download(@PathVariable UUID expenseId,
                                          @RequestParam MultiValueMap<String, String> query) {
        QueryParameters.of(query, false);
        return Callers.current()
                .flatMap(caller -> expenses.receipt(new FetchExpense(caller.orgId(), expenseId,
                        ExpensesController.viewer(caller))))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("receipt.not_found", "The expense has no receipt.")))
                .map(file -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(file.contentType()))
                        .contentLength(file.content().length)
                        .cacheControl(CacheControl.noStore().cachePrivate())
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                        .body(file.content()));
    }

    @DeleteMapping
    @PreAuthorize(ExpensesController.MAY_SUBMIT)
    @Operation(summary = "Remove the receipt; the file goes with it")
    Mono<ResponseEntity<Written>> remove(@PathVariable UUID expenseId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new RemoveReceipt(caller.orgId(), expenseId, caller.memberId()), expected)
                .map(Written::ok);
    }
}
