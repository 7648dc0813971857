package io.ledgerline.app.web.expense;

import io.ledgerline.app.command.CommandDispatcher;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.Page;
import io.ledgerline.app.web.QueryParameters;
import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.app.web.Versions;
import io.ledgerline.app.web.Written;
import io.ledgerline.domain.expense.CreateExpenseCategory;
import io.ledgerline.domain.expense.DeactivateExpenseCategory;
import io.ledgerline.domain.expense.ExpenseCategory;
import io.ledgerline.domain.expense.ReactivateExpenseCategory;
import io.ledgerline.domain.expense.RenameExpenseCategory;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.projections.expense.ExpenseCategoryQueries;
import io.ledgerline.projections.expense.ExpenseCategoryView;
import io.ledgerline.projections.expense.FindExpenseCategories;
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
@RequestMapping("/api/v1/expense-categories")
@Tag(name = "Expense categories", description = "The organization's kinds of expense; deactivated, never deleted")
class ExpenseCategoriesController {

    private static final String MAY_MANAGE = "hasAuthority('" + Permissions.EXPENSES_SETTINGS + "')";

    private final CommandDispatcher commands;
    private final ExpenseCategoryQueries categories;

    ExpenseCategoriesController(CommandDispatcher commands, ExpenseCategoryQueries categories) {
        this.commands = commands;
        this.categories = categories;
    }

    record CategoryName(@NotBlank @Size(max = ExpenseCategory.MAX_NAME_LENGTH) String name) {
    }

    /** Which categories a list shows. */
    enum Status {
        ACTIVE,
        INACTIVE,
        ALL
    }

    @GetMapping
    @PreAuthorize(ExpensesController.MAY_READ)
    @Operation(summary = "List categories by name (status=active|inactive|all, default all)")
    Mono<Page<ExpenseCategoryView>> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParameters parameters = QueryParameters.of(query, true, "status");
        Status status = parameters.enumValue("status", Status.class);
        Boolean active = status == null || status == Status.ALL ? null : status == Status.ACTIVE;
        return Callers.current()
                .flatMap(caller -> categories.find(new FindExpenseCategories(caller.orgId(), active,
                        parameters.window())))
                .map(Page::of);
    }

    @GetMapping("/{categoryId}")
    @PreAuthorize(ExpensesController.MAY_READ)
    @Operation(summary = "One category; ?minVersion waits for a write to show")
    Mono<ResponseEntity<ExpenseCategoryView>> get(@PathVariable UUID categoryId,
                                                  @RequestParam MultiValueMap<String, String> query) {
        Long minVersion = ReadYourWrites.minVersion(query);
        return Callers.current().flatMap(caller -> ReadYourWrites.read(minVersion,
                () -> categories.fetch(caller.orgId(), categoryId), ExpenseCategoryView::version,
                "expense_category.not_found"));
    }

    @PostMapping
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Create a category; names are unique in the organization (case and spacing aside)")
    Mono<ResponseEntity<Written>> create(@Valid @RequestBody CategoryName request) {
        UUID categoryId = UUID.randomUUID();
        return commands.sendFor(caller -> new CreateExpenseCategory(caller.orgId(), categoryId, request.name()), null)
                .map(outcome -> Written.created(outcome, "/api/v1/expense-categories/" + categoryId));
    }

    @PatchMapping("/{categoryId}")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Rename a category; its expenses show the new name")
    Mono<ResponseEntity<Written>> rename(@PathVariable UUID categoryId, @Valid @RequestBody CategoryName request,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new RenameExpenseCategory(caller.orgId(), categoryId, request.name()),
                        expected)
                .map(Written::ok);
    }

    @PostMapping("/{categoryId}/deactivate")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Stop offering a category for new expenses; expenses filed under it keep it")
    Mono<ResponseEntity<Written>> deactivate(@PathVariable UUID categoryId,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new DeactivateExpenseCategory(caller.orgId(), categoryId), expected)
                .map(Written::ok);
    }

    @PostMapping("/{categoryId}/reactivate")
    @PreAuthorize(MAY_MANAGE)
    @Operation(summary = "Offer a deactivated category again")
    Mono<ResponseEntity<Written>> reactivate(@PathVariable UUID categoryId,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return commands.sendFor(caller -> new ReactivateExpenseCategory(caller.orgId(), categoryId), expected)
                .map(Written::ok);
    }
}
