package io.ledgerline.projections.qbo;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public class QboCustomerLinkQueries {

    private final DatabaseClient database;

    public QboCustomerLinkQueries(DatabaseClient database) {
        this.database = database;
    }

    /** The client's current link; empty when the organization has no such client or it is not linked. */
    public Mono<QboCustomerLinkView> linkOf(UUID orgId, UUID clientId) {
        return database.sql("""
                        SELECT l.* FROM qbo_customer_link_view l
                        JOIN client_view c ON c.client_id = l.client_id AND c.org_id = l.org_id
                        WHERE l.org_id = :orgId AND l.client_id = :clientId AND l.qbo_customer_id IS NOT NULL""")
                .bind("orgId", orgId)
                .bind("clientId", clientId)
                .map(QboCustomerLinkQueries::link)
                .one();
    }

    /** Which client each linked customer of the company belongs to, by customer Id. */
    public Mono<Map<String, UUID>> linkedClients(UUID orgId, String realmId) {
        return database.sql("""
                        SELECT qbo_customer_id, client_id FROM qbo_customer_link_view
                        WHERE org_id = :orgId AND realm_id = :realmId AND qbo_customer_id IS NOT NULL""")
                .bind("orgId", orgId)
                .bind("realmId", realmId)
                .map(row -> Map.entry(row.get("qbo_customer_id", String.class), row.get("client_id", UUID.class)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** Clients with no QuickBooks customer, as candidates a customer may duplicate (by name or e-mail). */
    public Flux<UnlinkedClient> unlinkedClients(UUID orgId) {
        return database.sql("""
                        SELECT c.client_id, c.name, c.email, c.billing_email, c.status FROM client_view c
                        WHERE c.org_id = :orgId AND NOT EXISTS (SELECT 1 FROM qbo_customer_link_view l
                            WHERE l.client_id = c.client_id AND l.qbo_customer_id IS NOT NULL)
                        ORDER BY c.name_key, c.client_id""")
                .bind("orgId", orgId)
                .map(row -> new UnlinkedClient(row.get("client_id", UUID.class), row.get("name", String.class),
                        row.get("email", String.class), row.get("billing_email", String.class),
                        "ACTIVE".equals(row.get("status", String.class))))
                .all();
    }

    public record UnlinkedClient(UUID clientId, String name, String email, String billingEmail, boolean active) {

        public boolean hasEmail(String address) {
            return address != null && (address.equalsIgnoreCase(trim(email)) || address.equalsIgnoreCase(trim(billingEmail)));
        }

        private static String trim(String value) {
            return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
        }
    }

    private static QboCustomerLinkView link(Readable row) {
        return new QboCustomerLinkView(row.get("client_id", UUID.class), row.get("realm_id", String.class),
                row.get("qbo_customer_id", String.class), row.get("origin", String.class),
                instant(row, "linked_at"), instant(row, "last_synced_at"),
                row.get("last_operation", String.class), row.get("last_error", String.class),
                row.get("version", Long.class));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
