package io.ledgerline.projections.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param projectCounts only on a single client's details; lists leave it out
 * @param invoiceCounts only on a single client's details; lists leave it out
 * @param qbo           the linked QuickBooks customer, only on a single client's details and only when linked
 */
public record ClientView(UUID id, String name, String code, String email, String phone, String website,
                         AddressView address, List<String> tags, String status, BillingView billing,
                         ProjectCounts projectCounts, InvoiceCounts invoiceCounts, Instant createdAt, long version,
                         QboCustomer qbo) {

    public record AddressView(String line1, String line2, String city, String region, String postalCode,
                              String country) {
    }

    public record BillingView(String contactName, String email, AddressView address, String currency,
                              Integer paymentTermsDays, BigDecimal taxRate, String taxId) {
    }

    public record ProjectCounts(long active, long completed, long archived) {
    }

    /** The client's invoices by the status they show today; {@code voided} counts void ones. */
    public record InvoiceCounts(long draft, long unpaid, long partiallyPaid, long overdue, long paid, long voided) {
    }

    /** @param url opens the customer in QuickBooks ("view in QuickBooks") */
    public record QboCustomer(String customerId, String url) {
    }

    ClientView withCounts(ProjectCounts projects, InvoiceCounts invoices) {
        return new ClientView(id, name, code, email, phone, website, address, tags, status, billing, projects,
                invoices, createdAt, version, qbo);
    }

    ClientView withQbo(QboCustomer customer) {
        return new ClientView(id, name, code, email, phone, website, address, tags, status, billing, projectCounts,
                invoiceCounts, createdAt, version, customer);
    }
}
