package io.ledgerline.projections.organization;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class OrganizationQueries {

    private final DatabaseClient database;

    public OrganizationQueries(DatabaseClient database) {
        this.database = database;
    }

    public Mono<OrganizationView> fetch(FetchOrganization query) {
        return database.sql("SELECT * FROM organization_view WHERE org_id = :orgId")
                .bind("orgId", query.orgId())
                .map(OrganizationQueries::map)
                .one();
    }

    private static OrganizationView map(Readable row) {
        return new OrganizationView(row.get("org_id", UUID.class), row.get("name", String.class),
                row.get("time_zone", String.class), row.get("currency", String.class),
                new OrganizationView.BillingDefaultsView(row.get("default_payment_terms", Integer.class),
                        row.get("default_billing_currency", String.class),
                        row.get("default_tax_rate", BigDecimal.class)),
                Boolean.TRUE.equals(row.get("mfa_required", Boolean.class)),
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class));
    }
}
