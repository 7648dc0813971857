package io.ledgerline.domain.client;

import java.util.UUID;

/**
 * What still ties a client down: a client with active projects, unpaid invoices or invoice drafts cannot be
 * deleted.
 */
public interface ClientObligations {

    long activeProjects(UUID orgId, UUID clientId);

    /** Finalized invoices that are not void and still have a balance due. */
    long unpaidInvoices(UUID orgId, UUID clientId);

    /** Invoice drafts, which would otherwise be left without their client. */
    long invoiceDrafts(UUID orgId, UUID clientId);
}
