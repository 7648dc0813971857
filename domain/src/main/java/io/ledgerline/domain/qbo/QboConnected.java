package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/**
 * The organization is connected to QuickBooks company {@code realmId}; syncs run (again).
 *
 * @param companyName the company's name as QuickBooks had it, {@code null} when it could not be read
 * @param reconnected the organization had been connected to this company before: links and settings carry on
 */
public record QboConnected(UUID orgId, String realmId, String companyName, UUID connectedBy, boolean reconnected)
        implements OrgScoped {
}
