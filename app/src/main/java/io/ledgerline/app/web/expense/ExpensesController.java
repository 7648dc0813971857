package io.ledgerline.app.web.expense;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Caller;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.app.web.auth.Currencies;
import io.ledgerline.domain.expense.ApproveExpense;
import io.ledgerline.domain.expense.ChangeExpense;
import io.ledgerline.domain.expense.CreateExpense;
import io.ledgerline.domain.expense.DeleteExpense;
import io.ledgerline.domain.expense.RejectExpense;
import io.ledgerline.domain.expense.SubmitExpense;
import io.ledgerline.domain.expense.UnlockExpense;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.projections.expense.ExpenseQueries;
import io.ledgerline.projections.expense.ExpenseStatusFilter;
import io.ledgerline.projections.expense.ExpenseView;
import io.ledgerline.projections.expense.FetchExpense;
import io.ledgerline.projections.expense.FindExpenses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

@RestController
@RequestMapping("/api/v1/expenses")
@Tag(name = "Expenses", description = "Money spent for the organization: recording, receipts, approval, unlocking")
class ExpensesController {

    static final String MAY_READ = "hasAnyAuthority('" + Permissions.EXPENSES_SUBMIT + "', '"
            + Permissions.EXPENSES_VIEW_ALL + "')";
    static final String MAY_SUBMIT = "hasAuthority('" + Permissions.EXPENSES_SUBMIT + "')";
    private static final String MAY_APPROVE = "hasAuthority('" + Permissions.EXPENSES_APPROVE + "')";
    private static final String MAY_UNLOCK = "hasAuthority('" + Permissions.TIME_LOCK + "')";

    private final CommandDispatcher commands;
    private final ExpenseQueries expenses;

    ExpensesController(CommandDispatcher commands, ExpenseQueries expenses) {
        this.commands = commands;
        this.expenses = expenses;
    }

    /** Callers without {@code expenses:view_all} see their own expenses only; anyone else's do not exist for them. */
    static UUID viewer(Caller caller) {
        return caller.may(Permissions.EXPENSES_VIEW_ALL) ? null : caller.memberId();
    }

    @GetMapping
    @PreAuthorize(MAY_READ)
    @Operation(summary = "List expenses, newest first (filters: from, to, memberId, projectId, clientId, categoryId, "
            + "status=draft|submitted|approved|rejected|invoiced, billable, reimbursable)")
    Mono<Page<ExpenseView>> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "from", "to", "memberId", "projectId",
                "clientId", "categoryId", "status", "billable", "reimbursable");
        LocalDate from = parameters.date("from");
        LocalDate to = parameters.date("to");
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.badRequest("request.bad_query", "Query parameter 'to' is before 'from'.",
                    new FieldViolation("to", "invalid", "expected a date on or after 'from'"));
        }
        UUID memberId = parameters.uuid("memberId");
        UUID projectId = parameters.uuid("projectId");
        UUID clientId = parameters.uuid("clientId");
        UUID categoryId = parameters.uuid("categoryId");
        ExpenseStatusFilter status = parameters.enumValue("status", ExpenseStatusFilter.class);
        Boolean billable = parameters.bool("billable");
        Boolean reimbursable = parameters.bool("reimbursable");
        return Callers.current()
                .flatMap(caller -> expenses.find(new FindExpenses(caller.orgId(), viewer(caller), from, to, memberId,
                        projectId, clientId, categoryId, status, billable, reimbursable, parameters.window())))
                .map(Page::of);
    }

    @GetMapping("/{expenseId}")
    @PreAuthorize(MAY_READ)
    @Operation(summary = "One expense with its effective status; ?minVersion waits for a write to show")
    Mono<ResponseEntity<ExpenseView>> get(@PathVariable UUID expenseId,
                                          @RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion,
                () -> expenses.fetch(new FetchExpense(caller.orgId(), expenseId, viewer(caller))),
                ExpenseView::version, "expense.not_found"));
    }

    @PostMapping
    @PreAuthorize(MAY_SUBMIT)
    @Operation(summary = "Record an expense (as a draft); for another member it takes expenses:approve")
    Mono<ResponseEntity<Written>> create(@Valid @RequestBody ExpenseBodies.NewExpense request) {
        UUID expenseId = UUID.randomUUID();
        return Callers.current()
                .flatMap(caller -> {
                    UUID memberId = request.memberId() == null ? caller.memberId() : request.memberId();
                    if (!memberId.equals(caller.memberId()) && !caller.may(Permissions.EXPENSES_APPROVE)) {
                        return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "auth.forbidden",
                                "Recording an expense for another member takes the expenses:approve permission."));
                    }
                    return commands.send(new CreateExpense(caller.orgId(), expenseId, memberId, caller.memberId(),
                            request.date(), request.amount(), Currencies.parse("currency", request.currency()),
                            request.merchant(), request.categoryId(), request.projectId(), request.description(),
                            Boolean.TRUE.equals(request.billable()),
                            request.reimbursable() == null ? !request.imported() : request.reimbursable(),
                            request.source() == null ? null : request.source().toDomain()));
                })
                .map(outcome -> Written.created(outcome, "/api/v1/expenses/" + expenseId));
    }

    @PatchMapping("/{expenseId}")
    @PreAuthorize(MAY_SUBMIT)
    @Operation(summary = "Change a draft or rejected expense (or one an admin unlocked); absent fields stay, "
            + "projectId or description null clears")
    Mono<ResponseEntity<Written>> update(@PathVariable UUID expenseId, @Valid @RequestBody ExpenseChange change,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        // Every expense has these: they can be changed, never cleared.
        change.requireChange("date", "amount", "currency", "merchant", "categoryId", "billable", "reimbursable");
        boolean clearProject = change.has("projectId") && change.projectId() == null;
        // A blank description is how the command clears it.
        String description = change.has("description") && change.description() == null ? "" : change.description();
        return commands.sendFor(caller -> new ChangeExpense(caller.orgId(), expenseId, caller.memberId(),
                        change.date(), change.amount(), Currencies.parse("currency", change.currency()),
                        change.merchant(), change.categoryId(), change.projectId(), clearProject, description,
                        change.billable(), change.reimbursable()), expected)
                .map(Written::ok);
    }

    @DeleteMapping("/{expenseId}")
    @PreAuthorize(MAY_SUBMIT)
    @Operation(summary = "Delete an expense that is not locked; an invoiced one never")
    Mono<ResponseEntity<Written>> delete(@PathVariable UUID expenseId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new DeleteExpense(caller.orgId(), expenseId, caller.memberId()), expected)
                .map(Written::ok);
    }

    @PostMapping("/{expenseId}/submit")
    @PreAuthorize(MAY_SUBMIT)
    @Operation(summary = "Submit a draft or rejected expense for approval (its member, or a manager for them)")
    Mono<ResponseEntity<Written>> submit(@PathVariable UUID expenseId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new SubmitExpense(caller.orgId(), expenseId, caller.memberId()), expected)
                .map(Written::ok);
    }

    @PostMapping("/{expenseId}/approve")
    @PreAuthorize(MAY_APPROVE)
    @Operation(summary = "Approve a submitted expense, which locks it; only owners and admins approve their own")
    Mono<ResponseEntity<Written>> approve(@PathVariable UUID expenseId,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new ApproveExpense(caller.orgId(), expenseId, caller.memberId()), expected)
                .map(Written::ok);
    }

    @PostMapping("/{expenseId}/reject")
    @PreAuthorize(MAY_APPROVE)
    @Operation(summary = "Send a submitted expense back to its member with a reason")
    Mono<ResponseEntity<Written>> reject(@PathVariable UUID expenseId, @Valid @RequestBody ExpenseBodies.Reason body,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new RejectExpense(caller.orgId(), expenseId, caller.memberId(),
                        body.reason()), expected)
                .map(Written::ok);
    }

    @PostMapping("/{expenseId}/unlock")
    @PreAuthorize(MAY_UNLOCK)
    @Operation(summary = "Let a submitted, approved or invoiced expense take one more change; the reason is kept")
    Mono<ResponseEntity<Written>> unlock(@PathVariable UUID expenseId, @Valid @RequestBody ExpenseBodies.Reason body,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new UnlockExpense(caller.orgId(), expenseId, caller.memberId(),
                        body.reason()), expected)
                .map(Written::ok);
    }
}
