package io.ledgerline.projections.qbo;

import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.Slice;
import io.ledgerline.projections.shared.Window;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads imported QuickBooks invoices, newest first, keyset-paged by (txn_date, qbo_invoice_id). */
@Component
public class QboImportedInvoiceQueries {

    private final DatabaseClient database;

    public QboImportedInvoiceQueries(DatabaseClient database) {
        this.database = database;
    }

    /** @param clientId and {@code status} narrow the list when given */
    public Mono<Slice<QboImportedInvoiceView>> find(UUID orgId, UUID clientId, String status, Window window) {
        Cursor after = window.after();
        StringBuilder sql = new StringBuilder("SELECT * FROM qbo_imported_invoice_view WHERE org_id = :orgId");
        if (clientId != null) {
            sql.append(" AND client_id = :clientId");
        }
        if (status != null) {
            sql.append(" AND status = :status");
        }
        if (after != null) {
            sql.append(" AND (txn_date, qbo_invoice_id) < (:afterDate, :afterId)");
        }
        sql.append(" ORDER BY txn_date DESC, qbo_invoice_id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("orgId", orgId)
                .bind("limit", window.fetchSize());
        if (clientId != null) {
            spec = spec.bind("clientId", clientId);
        }
        if (status != null) {
            spec = spec.bind("status", status);
        }
        if (after != null) {
            spec = spec.bind("afterDate", LocalDate.parse(after.value(0))).bind("afterId", after.value(1));
        }
        return spec.map(QboImportedInvoiceQueries::invoice).all().collectList()
                .map(rows -> Slice.of(rows, window,
                        last -> Cursor.of(String.valueOf(last.txnDate()), last.qboInvoiceId())));
    }

    private static QboImportedInvoiceView invoice(Readable row) {
        OffsetDateTime updated = row.get("qbo_updated_at", OffsetDateTime.class);
        return new QboImportedInvoiceView(row.get("realm_id", String.class), row.get("qbo_invoice_id", String.class),
                row.get("doc_number", String.class), row.get("qbo_customer_id", String.class),
                row.get("client_id", UUID.class), row.get("txn_date", LocalDate.class),
                row.get("due_date", LocalDate.class), row.get("total", BigDecimal.class),
                row.get("balance", BigDecimal.class), row.get("currency", String.class),
                row.get("status", String.class), updated == null ? null : updated.toInstant(),
                row.get("version", Long.class));
    }
}
