package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether the organization's QuickBooks connection may sync now, on the command side: present only while it is
 * connected (not expired, not disconnected), with the settings in force.
 */
public interface QboSyncPolicy {

    Optional<ActiveQbo> active(UUID orgId);

    /** The connection, or a refusal {@code qbo.not_connected} (never connected, disconnected or expired). */
    default ActiveQbo requireConnected(UUID orgId) {
        return active(orgId).orElseThrow(() -> BusinessRuleViolation.conflict("qbo.not_connected",
                "QuickBooks is not connected (or its authorization expired): an admin connects it under "
                        + "Integrations."));
    }

    /** The connection with customer sync on, or a refusal saying which of the two is missing. */
    default ActiveQbo requireCustomerSync(UUID orgId) {
        ActiveQbo qbo = requireConnected(orgId);
        if (!qbo.settings().syncCustomers()) {
            throw BusinessRuleViolation.conflict("qbo.customer_sync_disabled",
                    "Customer sync is turned off in the QuickBooks settings.");
        }
        return qbo;
    }

    /** The connection with invoice sync on, or a refusal saying which of the two is missing. */
    default ActiveQbo requireInvoiceSync(UUID orgId) {
        ActiveQbo qbo = requireConnected(orgId);
        if (!qbo.settings().syncInvoices()) {
            throw BusinessRuleViolation.conflict("qbo.invoice_sync_disabled",
                    "Invoice sync with QuickBooks is turned off in the integration's settings.");
        }
        return qbo;
    }

    record ActiveQbo(String realmId, QboSettings settings) {
    }
}
