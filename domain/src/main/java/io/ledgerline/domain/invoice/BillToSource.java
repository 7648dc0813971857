package io.ledgerline.domain.invoice;

import java.util.Optional;
import java.util.UUID;

/** The client's bill-to details as they stand now, to snapshot into a new draft. */
public interface BillToSource {

    /** Empty when the organization has no such client (or it was deleted). */
    Optional<BillTo> billToOf(UUID orgId, UUID clientId);
}
