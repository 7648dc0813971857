package io.ledgerline.domain.qbo;

import java.util.UUID;

/**
 * Writes QuickBooks' version of a customer onto its client, in the transaction of the sync that decided it, as
 * the actor {@value #ACTOR} so that the change is not pushed straight back.
 */
public interface QboClientUpdates {

    String ACTOR = "qbo-sync";

    Applied apply(UUID orgId, UUID clientId, QboCustomer customer);

    /**
     * @param fieldsVersion the client's fields version afterwards
     * @param changed       whether anything of the client changed
     * @param note          what could not be taken over and why (a name another client has), or {@code null}
     */
    record Applied(long fieldsVersion, boolean changed, String note) {
    }
}
