package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboConnectionStatus;
import io.ledgerline.domain.qbo.QboSettings;
import java.time.Instant;
import java.util.UUID;

/**
 * An organization's QuickBooks connection as its integration card shows it.
 *
 * @param expiredReason why Intuit refused the tokens, while {@link QboConnectionStatus#EXPIRED}
 * @param errorCode     QuickBooks' fault code, while {@link QboConnectionStatus#ERROR}
 * @param lastSyncAt    the latest sync attempt or change pull of the organization
 * @param version       the connection's version: the ETag of its settings
 */
public record QboConnectionView(UUID orgId, String realmId, String companyName, QboConnectionStatus status,
                                Instant connectedAt, UUID connectedBy, String expiredReason, String errorCode,
                                String errorMessage, QboSettings settings, Instant lastSyncAt, long version) {
}
