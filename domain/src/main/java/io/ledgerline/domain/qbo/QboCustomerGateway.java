package io.ledgerline.domain.qbo;

import java.util.Optional;
import java.util.UUID;

/**
 * QuickBooks' customers, as the customer sync calls them. Implementations make the HTTP calls and never throw for
 * what QuickBooks answered to a push: the outcome says what happened, and the sync records it.
 */
public interface QboCustomerGateway {

    /** The customer with this Id, active or not; empty when QuickBooks has none. */
    Optional<QboCustomer> find(UUID orgId, String qboCustomerId);

    /**
     * Creates the client's customer (after looking for one with its name, and disambiguating a name another
     * customer, vendor or employee holds) or, when {@code linkedQboId} is given, updates that customer.
     */
    QboCustomerPushOutcome push(UUID orgId, String realmId, QboClientProfile client, String linkedQboId);
}
