package io.ledgerline.projections.invoice;

import io.ledgerline.domain.client.PostalAddress;
import io.ledgerline.domain.invoice.BillTo;
import io.ledgerline.domain.invoice.InvoiceStatus;
import io.ledgerline.domain.invoice.LineGrouping;
import io.ledgerline.domain.invoice.LineKind;
import io.ledgerline.domain.invoice.PaymentMethod;
import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.InvalidCursor;
import io.ledgerline.projections.shared.Slice;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class InvoiceQueries {

    private static final PostalAddress NO_ADDRESS = new PostalAddress(null, null, null, null, null, null);

    private final DatabaseClient database;

    public InvoiceQueries(DatabaseClient database) {
        this.database = database;
    }

    /** One invoice with its lines and payments, in the order they were added. */
    public Mono<InvoiceView> fetch(FetchInvoice query) {
        return database.sql("SELECT v.*, " + InvoiceStatusSql.TODAY + " AS today FROM invoice_view v "
                        + "WHERE v.org_id = :orgId AND v.invoice_id = :invoiceId")
                .bind("orgId", query.orgId())
                .bind("invoiceId", query.invoiceId())
                .map(InvoiceQueries::invoice)
                .one()
                .flatMap(invoice -> lines(query).zipWith(payments(query), invoice::withDetails));
    }

    /**
     * Keyset-paged by (issue_date, invoice_id) descending. The indexes invoice_view_org_issued,
     * invoice_view_client_issued and invoice_view_standing_issued serve the whole list, a client's and a status's.
     */
    public Mono<Slice<InvoiceView>> find(FindInvoices query) {
        StringBuilder sql = new StringBuilder("SELECT v.*, t.today FROM invoice_view v CROSS JOIN (SELECT "
                + InvoiceStatusSql.TODAY + " AS today) t WHERE v.org_id = :orgId");
        if (query.clientId() != null) {
            sql.append(" AND v.client_id = :clientId");
        }
        if (query.status() != null) {
            sql.append(" AND ").append(InvoiceStatusSql.holds(query.status(), "t.today"));
        }
        if (query.from() != null) {
            sql.append(" AND v.issue_date >= :from");
        }
        if (query.to() != null) {
            sql.append(" AND v.issue_date <= :to");
        }
        if (query.search() != null) {
            sql.append(" AND strpos(upper(v.number), :search) > 0");
        }
        Cursor after = query.window().after();
        if (after != null) {
            sql.append(" AND (v.issue_date, v.invoice_id) < (:afterDate, :afterId)");
        }
        sql.append(" ORDER BY v.issue_date DESC, v.invoice_id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("orgId", query.orgId())
                .bind("limit", query.window().fetchSize());
        if (query.clientId() != null) {
            spec = spec.bind("clientId", query.clientId());
        }
        if (query.from() != null) {
            spec = spec.bind("from", query.from());
        }
        if (query.to() != null) {
            spec = spec.bind("to", query.to());
        }
        if (query.search() != null) {
            spec = spec.bind("search", query.search().toUpperCase(Locale.ROOT));
        }
        if (after != null) {
            spec = spec.bind("afterDate", date(after.value(0))).bind("afterId", after.uuid(1));
        }
        return spec.map(InvoiceQueries::invoice).all().collectList()
                .map(rows -> Slice.of(rows, query.window(),
                        last -> Cursor.of(last.issueDate().toString(), last.id().toString())));
    }

    private Mono<List<InvoiceView.LineView>> lines(FetchInvoice query) {
        return database.sql("""
                        SELECT * FROM invoice_line_view WHERE org_id = :orgId AND invoice_id = :invoiceId
                        ORDER BY position""")
                .bind("orgId", query.orgId())
                .bind("invoiceId", query.invoiceId())
                .map(row -> new InvoiceView.LineView(row.get("line_id", UUID.class),
                        LineKind.valueOf(row.get("kind", String.class)), row.get("description", String.class),
                        row.get("quantity", BigDecimal.class), row.get("unit_price", BigDecimal.class),
                        row.get("amount", BigDecimal.class), uuids(row, "time_entry_ids"),
                        uuids(row, "expense_ids")))
                .all()
                .collectList();
    }

    private Mono<List<InvoiceView.PaymentView>> payments(FetchInvoice query) {
        return database.sql("""
                        SELECT * FROM invoice_payment_view WHERE org_id = :orgId AND invoice_id = :invoiceId
                        ORDER BY position""")
                .bind("orgId", query.orgId())
                .bind("invoiceId", query.invoiceId())
                .map(row -> new InvoiceView.PaymentView(row.get("payment_id", UUID.class),
                        row.get("amount", BigDecimal.class), row.get("payment_date", LocalDate.class),
                        PaymentMethod.valueOf(row.get("method", String.class)), row.get("reference", String.class),
                        instant(row, "recorded_at")))
                .all()
                .collectList();
    }

    private static InvoiceView invoice(Readable row) {
        LocalDate dueDate = row.get("due_date", LocalDate.class);
        InvoiceStatus standing = InvoiceStatus.valueOf(row.get("standing", String.class));
        return new InvoiceView(row.get("invoice_id", UUID.class), row.get("number", String.class),
                row.get("client_id", UUID.class),
                InvoiceStatus.on(standing, dueDate, row.get("today", LocalDate.class)),
                row.get("currency", String.class), row.get("issue_date", LocalDate.class), dueDate,
                row.get("tax_rate", BigDecimal.class), row.get("notes", String.class),
                row.get("period_start", LocalDate.class), row.get("period_end", LocalDate.class),
                LineGrouping.valueOf(row.get("grouping", String.class)), uuids(row, "project_ids"), billTo(row),
                row.get("subtotal", BigDecimal.class), row.get("tax", BigDecimal.class),
                row.get("total", BigDecimal.class), row.get("paid", BigDecimal.class),
                row.get("balance_due", BigDecimal.class), null, null, instant(row, "created_at"),
                instant(row, "finalized_at"), instant(row, "voided_at"), row.get("void_reason", String.class),
                row.get("version", Long.class));
    }

    private static BillTo billTo(Readable row) {
        PostalAddress address = new PostalAddress(row.get("bill_to_line1", String.class),
                row.get("bill_to_line2", String.class), row.get("bill_to_city", String.class),
                row.get("bill_to_region", String.class), row.get("bill_to_postal_code", String.class),
                row.get("bill_to_country", String.class));
        return new BillTo(row.get("bill_to_name", String.class), row.get("bill_to_contact_name", String.class),
                row.get("bill_to_email", String.class), address.equals(NO_ADDRESS) ? null : address,
                row.get("bill_to_tax_id", String.class),
                Currency.getInstance(row.get("bill_to_currency", String.class)),
                row.get("bill_to_payment_terms", Integer.class), row.get("bill_to_tax_rate", BigDecimal.class));
    }

    private static List<UUID> uuids(Readable row, String column) {
        UUID[] ids = row.get(column, UUID[].class);
        return ids == null ? List.of() : Arrays.asList(ids);
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime at = row.get(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidCursor();
        }
    }
}
