package io.ledgerline.projections.expense;

import io.ledgerline.projections.invoice.BillableExpense;
import io.ledgerline.projections.invoice.UnbilledWork;
import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.InvalidCursor;
import io.ledgerline.projections.shared.Slice;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads expenses. An expense's effective status is worked out here: it is {@code invoiced} while a finalized,
 * not voided invoice bills it, whatever its workflow status says. Category and project names are joined from their
 * read models, so a rename shows on every expense at once.
 */
@Component
public class ExpenseQueries implements UnbilledWork.Expenses {

    private static final String SELECT = """
            SELECT e.*, c.name AS category_name, p.name AS project_name, i.invoice_id
            FROM expense_view e
            LEFT JOIN expense_category_view c ON c.category_id = e.category_id
            LEFT JOIN project_view p ON p.project_id = e.project_id AND p.org_id = e.org_id
            LEFT JOIN LATERAL (SELECT v.invoice_id FROM expense_invoicing_view v
                               WHERE v.expense_id = e.expense_id AND NOT v.voided
                               ORDER BY v.invoice_id LIMIT 1) i ON TRUE
            WHERE e.org_id = :orgId""";

    private final DatabaseClient database;

    public ExpenseQueries(DatabaseClient database) {
        this.database = database;
    }

    public Mono<ExpenseView> fetch(FetchExpense query) {
        String sql = SELECT + " AND e.expense_id = :expenseId"
                + (query.viewerId() == null ? "" : " AND e.member_id = :viewerId");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql)
                .bind("orgId", query.orgId())
                .bind("expenseId", query.expenseId());
        if (query.viewerId() != null) {
            spec = spec.bind("viewerId", query.viewerId());
        }
        return spec.map(ExpenseQueries::expense).one();
    }

    /**
     * Newest first, keyset-paged by (expense_date, expense_id) descending; the indexes expense_view_member_date,
     * _project_date, _client_date, _status_date and _org_date serve the narrowest filter given.
     */
    public Mono<Slice<ExpenseView>> find(FindExpenses query) {
        List<Binding> bindings = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT);
        bindings.add(new Binding("orgId", query.orgId()));
        narrow(sql, bindings, "e.member_id = :viewerId", "viewerId", query.viewerId());
        narrow(sql, bindings, "e.expense_date >= :from", "from", query.from());
        narrow(sql, bindings, "e.expense_date <= :to", "to", query.to());
        narrow(sql, bindings, "e.member_id = :memberId", "memberId", query.memberId());
        narrow(sql, bindings, "e.project_id = :projectId", "projectId", query.projectId());
        narrow(sql, bindings, "e.client_id = :clientId", "clientId", query.clientId());
        narrow(sql, bindings, "e.category_id = :categoryId", "categoryId", query.categoryId());
        narrow(sql, bindings, "e.billable = :billable", "billable", query.billable());
        narrow(sql, bindings, "e.reimbursable = :reimbursable", "reimbursable", query.reimbursable());
        if (query.status() == ExpenseStatusFilter.INVOICED) {
            sql.append(" AND i.invoice_id IS NOT NULL");
        } else if (query.status() != null) {
            narrow(sql, bindings, "e.status = :status AND i.invoice_id IS NULL", "status", query.status().name());
        }
        Cursor after = query.window().after();
        if (after != null) {
            sql.append(" AND (e.expense_date, e.expense_id) < (:afterDate, :afterId)");
            bindings.add(new Binding("afterDate", date(after.value(0))));
            bindings.add(new Binding("afterId", after.uuid(1)));
        }
        sql.append(" ORDER BY e.expense_date DESC, e.expense_id DESC LIMIT :limit");
        bindings.add(new Binding("limit", query.window().fetchSize()));
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString());
        for (Binding binding : bindings) {
            spec = spec.bind(binding.name(), binding.value());
        }
        return spec.map(ExpenseQueries::expense).all().collectList()
                .map(rows -> Slice.of(rows, query.window(),
                        last -> Cursor.of(last.date().toString(), last.id().toString())));
    }

    /** Approved, billable expenses of the client's projects that no finalized invoice bills, oldest first. */
    @Override
    public Flux<BillableExpense> unbilledExpenses(UnbilledWork.Scope scope) {
        boolean someProjects = scope.projectIds() != null && !scope.projectIds().isEmpty();
        String sql = SELECT + " AND e.client_id = :clientId AND e.status = 'APPROVED' AND e.billable"
                + " AND e.expense_date BETWEEN :from AND :to AND i.invoice_id IS NULL"
                + (someProjects ? " AND e.project_id = ANY(:projectIds)" : "")
                + " ORDER BY e.expense_date, e.expense_id";
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql)
                .bind("orgId", scope.orgId())
                .bind("clientId", scope.clientId())
                .bind("from", scope.from())
                .bind("to", scope.to());
        if (someProjects) {
            spec = spec.bind("projectIds", scope.projectIds().toArray(UUID[]::new));
        }
        return spec.map(ExpenseQueries::expense).all()
                .map(view -> new BillableExpense(view.id(), view.memberId(), view.projectId(), view.projectName(),
                        view.date(), view.amount(), view.currency(), view.merchant(), view.categoryName(),
                        view.description()));
    }

    /** The expense's receipt file, if it has one and the caller may see the expense. */
    public Mono<ReceiptFile> receipt(FetchExpense query) {
        String sql = """
                SELECT r.content_type, r.filename, r.sha256, r.content
                FROM expense_receipt r JOIN expense_registry x ON x.expense_id = r.expense_id
                WHERE r.org_id = :orgId AND r.expense_id = :expenseId"""
                + (query.viewerId() == null ? "" : " AND x.member_id = :viewerId");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql)
                .bind("orgId", query.orgId())
                .bind("expenseId", query.expenseId());
        if (query.viewerId() != null) {
            spec = spec.bind("viewerId", query.viewerId());
        }
        return spec.map(row -> new ReceiptFile(row.get("content_type", String.class),
                        row.get("filename", String.class), row.get("sha256", String.class),
                        row.get("content", byte[].class)))
                .one();
    }

    private record Binding(String name, Object value) {
    }

    private static void narrow(StringBuilder sql, List<Binding> bindings, String condition, String name,
                               Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            bindings.add(new Binding(name, value));
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidCursor();
        }
    }

    private static ExpenseView expense(Readable row) {
        String currency = row.get("currency", String.class);
        UUID invoiceId = row.get("invoice_id", UUID.class);
        String contentType = row.get("receipt_content_type", String.class);
        ExpenseView.ReceiptView receipt = contentType == null ? null : new ExpenseView.ReceiptView(contentType,
                row.get("receipt_size_bytes", Integer.class), row.get("receipt_sha256", String.class),
                row.get("receipt_filename", String.class));
        UUID mappingId = row.get("defaults_mapping_id", UUID.class);
        List<String> defaulted = new ArrayList<>();
        if (Boolean.TRUE.equals(row.get("defaulted_category", Boolean.class))) {
            defaulted.add("categoryId");
        }
        if (Boolean.TRUE.equals(row.get("defaulted_project", Boolean.class))) {
            defaulted.add("projectId");
        }
        return new ExpenseView(row.get("expense_id", UUID.class), row.get("member_id", UUID.class),
                row.get("recorded_by", UUID.class), row.get("expense_date", LocalDate.class),
                row.get("amount", BigDecimal.class)
                        .setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.UNNECESSARY),
                currency, row.get("merchant", String.class), row.get("category_id", UUID.class),
                row.get("category_name", String.class), row.get("project_id", UUID.class),
                row.get("project_name", String.class), row.get("client_id", UUID.class),
                row.get("description", String.class), Boolean.TRUE.equals(row.get("billable", Boolean.class)),
                Boolean.TRUE.equals(row.get("reimbursable", Boolean.class)),
                invoiceId != null ? "invoiced" : lower(row.get("status", String.class)),
                row.get("rejection_reason", String.class), invoiceId,
                Boolean.TRUE.equals(row.get("unlocked", Boolean.class)), receipt,
                new ExpenseView.SourceView(lower(row.get("source_type", String.class)),
                        row.get("source_provider", String.class), row.get("source_external_id", String.class)),
                mappingId == null ? null : "merchant_mapping", mappingId == null ? null : List.copyOf(defaulted),
                row.get("submitted_by", UUID.class), instant(row, "submitted_at"), row.get("decided_by", UUID.class),
                instant(row, "decided_at"), instant(row, "created_at"), instant(row, "updated_at"),
                row.get("version", Long.class));
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
