package io.ledgerline.domain.qbo;

import io.ledgerline.domain.client.BillingSettings;
import io.ledgerline.domain.client.ContactDetails;
import java.time.Instant;
import java.util.UUID;

/**
 * A client as it stands now on the command side, with what a sync needs to know about its changes.
 *
 * @param fieldsVersion   the client's version when a field QuickBooks shares last changed (notes and standing do
 *                        not count): a push is due when it is past the version last synced
 * @param fieldsChangedAt when that change was made: the client's side of the "most recent change wins" rule
 */
public record QboClientProfile(UUID clientId, String name, ContactDetails contact, BillingSettings billing,
                               boolean active, long fieldsVersion, Instant fieldsChangedAt) {
}
