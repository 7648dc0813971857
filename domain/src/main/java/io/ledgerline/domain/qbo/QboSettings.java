package io.ledgerline.domain.qbo;

/**
 * What the organization's admins let the QuickBooks integration do.
 *
 * @param syncCustomers  clients and QuickBooks customers are imported, linked, pushed and pulled
 * @param syncInvoices   invoices are pushed to QuickBooks, and QuickBooks' payments and voids come back
 * @param pushOnFinalize an invoice is pushed as soon as it is finalized (needs {@code syncInvoices})
 */
public record QboSettings(boolean syncCustomers, boolean syncInvoices, boolean pushOnFinalize) {

    public static final QboSettings DEFAULTS = new QboSettings(true, true, false);
}
