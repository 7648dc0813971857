package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/**
 * A Ledgerline record and a QuickBooks record are now one: later pushes update that QuickBooks record, and its
 * changes come back to this Ledgerline record. There is at most one link per record on each side.
 *
 * @param localId the client, invoice or payment id in Ledgerline
 * @param qboId   the record's {@code Id} in QuickBooks company {@code realmId}
 */
public record QboLinked(UUID orgId, QboEntity entity, UUID localId, String realmId, String qboId,
                        QboLinkOrigin origin) implements OrgScoped {
}
