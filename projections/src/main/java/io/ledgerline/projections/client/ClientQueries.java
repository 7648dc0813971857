package io.ledgerline.projections.client;

import io.ledgerline.domain.invoice.InvoiceStatus;
import io.ledgerline.projections.invoice.InvoiceStatusSql;
import io.ledgerline.projections.qbo.QboWebApp;
import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.Slice;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class ClientQueries {

    private final DatabaseClient database;
    private final QboWebApp qboWebApp;

    public ClientQueries(DatabaseClient database, QboWebApp qboWebApp) {
        this.database = database;
        this.qboWebApp = qboWebApp;
    }

    /**
     * One client with how many of its projects are in each status and how many of its invoices show each status
     * today. The project counts come from the command-side project registry, which is never behind; the invoice
     * counts from the invoice read model, counted when asked so that the client's rows never wait for its invoices.
     * The QuickBooks customer comes from the link read model, joined here rather than copied into the client's row,
     * so that neither read model depends on the order in which the other's events arrive.
     */
    public Mono<ClientView> fetch(FetchClient query) {
        Mono<ClientView> client = database.sql("""
                        SELECT c.*, l.qbo_customer_id FROM client_view c
                        LEFT JOIN qbo_customer_link_view l ON l.client_id = c.client_id AND l.org_id = c.org_id
                        WHERE c.org_id = :orgId AND c.client_id = :clientId""")
                .bind("orgId", query.orgId())
                .bind("clientId", query.clientId())
                .map(row -> {
                    String customerId = row.get("qbo_customer_id", String.class);
                    return client(row).withQbo(customerId == null ? null
                            : new ClientView.QboCustomer(customerId, qboWebApp.customerUrl(customerId)));
                })
                .one();
        Mono<ClientView.ProjectCounts> counts = database.sql("""
                        SELECT count(*) FILTER (WHERE status = 'ACTIVE') AS active,
                               count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
                               count(*) FILTER (WHERE status = 'ARCHIVED') AS archived
                        FROM project_registry WHERE org_id = :orgId AND client_id = :clientId""")
                .bind("orgId", query.orgId())
                .bind("clientId", query.clientId())
                .map(row -> new ClientView.ProjectCounts(row.get("active", Long.class),
                        row.get("completed", Long.class), row.get("archived", Long.class)))
                .one();
        Mono<ClientView.InvoiceCounts> invoices = database.sql("SELECT "
                        + InvoiceStatusSql.countsPerStatus("t.today") + " FROM invoice_view CROSS JOIN (SELECT "
                        + InvoiceStatusSql.TODAY + " AS today) t WHERE org_id = :orgId AND client_id = :clientId")
                .bind("orgId", query.orgId())
                .bind("clientId", query.clientId())
                .map(row -> new ClientView.InvoiceCounts(count(row, InvoiceStatus.DRAFT),
                        count(row, InvoiceStatus.UNPAID), count(row, InvoiceStatus.PARTIALLY_PAID),
                        count(row, InvoiceStatus.OVERDUE), count(row, InvoiceStatus.PAID),
                        count(row, InvoiceStatus.VOID)))
                .one();
        return client.flatMap(view -> Mono.zip(counts, invoices, view::withCounts));
    }

    /** The version the client read model has reached, or empty when it shows no such client. */
    public Mono<Long> version(FetchClient query) {
        return database.sql("SELECT version FROM client_view WHERE org_id = :orgId AND client_id = :clientId")
                .bind("orgId", query.orgId())
                .bind("clientId", query.clientId())
                .map(row -> row.get("version", Long.class))
                .one();
    }

    /**
     * Keyset-paged by (name_key, client_id): with a status the index client_view_org_status_name serves it, for
     * every status client_view_org_name; a tag is looked up through the GIN index on tag_keys.
     */
    public Mono<Slice<ClientView>> find(FindClients query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM client_view WHERE org_id = :orgId");
        if (query.status() != ClientStatusFilter.ALL) {
            sql.append(" AND status = :status");
        }
        if (query.search() != null) {
            sql.append(" AND (strpos(name_key, :search) > 0 OR strpos(lower(code), :search) > 0)");
        }
        if (query.tag() != null) {
            sql.append(" AND tag_keys @> :tags");
        }
        Cursor after = query.window().after();
        if (after != null) {
            sql.append(" AND (name_key, client_id) > (:afterName, :afterId)");
        }
        sql.append(" ORDER BY name_key, client_id LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("orgId", query.orgId())
                .bind("limit", query.window().fetchSize());
        if (query.status() != ClientStatusFilter.ALL) {
            spec = spec.bind("status", query.status().name());
        }
        if (query.search() != null) {
            spec = spec.bind("search", query.search().toLowerCase(Locale.ROOT));
        }
        if (query.tag() != null) {
            spec = spec.bind("tags", new String[] {query.tag().toLowerCase(Locale.ROOT)});
        }
        if (after != null) {
            spec = spec.bind("afterName", after.value(0)).bind("afterId", after.uuid(1));
        }
        return spec.map(row -> new Keyed<>(row.get("name_key", String.class), client(row))).all().collectList()
                .map(rows -> Slice.of(rows, query.window(),
                        last -> Cursor.of(last.key(), last.view().id().toString())))
                .map(slice -> new Slice<>(slice.items().stream().map(Keyed::view).toList(), slice.next()));
    }

    public Mono<ClientNoteView> fetchNote(FetchClient client, UUID noteId) {
        return database.sql("""
                        SELECT * FROM client_note_view
                        WHERE org_id = :orgId AND client_id = :clientId AND note_id = :noteId""")
                .bind("orgId", client.orgId())
                .bind("clientId", client.clientId())
                .bind("noteId", noteId)
                .map(ClientQueries::note)
                .one();
    }

    /** Newest first, keyset-paged by (created_at, note_id) descending, served by client_note_view_client_created. */
    public Mono<Slice<ClientNoteView>> findNotes(FindClientNotes query) {
        StringBuilder sql = new StringBuilder(
                "SELECT * FROM client_note_view WHERE org_id = :orgId AND client_id = :clientId");
        if (query.type() != null) {
            sql.append(" AND type = :type");
        }
        Cursor after = query.window().after();
        if (after != null) {
            sql.append(" AND (created_at, note_id) < (:afterAt, :afterId)");
        }
        sql.append(" ORDER BY created_at DESC, note_id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("orgId", query.orgId())
                .bind("clientId", query.clientId())
                .bind("limit", query.window().fetchSize());
        if (query.type() != null) {
            spec = spec.bind("type", query.type().name());
        }
        if (after != null) {
            spec = spec.bind("afterAt", timestamp(after.value(0))).bind("afterId", after.uuid(1));
        }
        return spec.map(row -> new Keyed<>(row.get("created_at", OffsetDateTime.class).toString(), note(row)))
                .all().collectList()
                .map(rows -> Slice.of(rows, query.window(),
                        last -> Cursor.of(last.key(), last.view().id().toString())))
                .map(slice -> new Slice<>(slice.items().stream().map(Keyed::view).toList(), slice.next()));
    }

    private static long count(Readable row, InvoiceStatus status) {
        return row.get(InvoiceStatusSql.column(status), Long.class);
    }

    /** A row with the exact sort key it was read with, so the next page starts precisely after it. */
    private record Keyed<T>(String key, T view) {
    }

    private static OffsetDateTime timestamp(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new io.ledgerline.projections.shared.InvalidCursor();
        }
    }

    private static ClientView client(Readable row) {
        String[] tags = row.get("tags", String[].class);
        return new ClientView(row.get("client_id", UUID.class), row.get("name", String.class),
                row.get("code", String.class), row.get("email", String.class), row.get("phone", String.class),
                row.get("website", String.class), address(row, "address_"),
                tags == null ? List.of() : Arrays.asList(tags),
                row.get("status", String.class).toLowerCase(Locale.ROOT),
                new ClientView.BillingView(row.get("billing_contact_name", String.class),
                        row.get("billing_email", String.class), address(row, "billing_"),
                        row.get("billing_currency", String.class), row.get("billing_payment_terms", Integer.class),
                        row.get("billing_tax_rate", BigDecimal.class), row.get("billing_tax_id", String.class)),
                null, null, row.get("created_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class),
                null);
    }

    private static ClientView.AddressView address(Readable row, String prefix) {
        ClientView.AddressView address = new ClientView.AddressView(row.get(prefix + "line1", String.class),
                row.get(prefix + "line2", String.class), row.get(prefix + "city", String.class),
                row.get(prefix + "region", String.class), row.get(prefix + "postal_code", String.class),
                row.get(prefix + "country", String.class));
        return address.equals(new ClientView.AddressView(null, null, null, null, null, null)) ? null : address;
    }

    private static ClientNoteView note(Readable row) {
        return new ClientNoteView(row.get("note_id", UUID.class), row.get("type", String.class).toLowerCase(Locale.ROOT),
                row.get("body", String.class), row.get("author_id", UUID.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class));
    }
}
