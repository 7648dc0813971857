package io.ledgerline.app.integration.qbo;

import java.util.UUID;

/**
 * Published (as a Spring application event) when Intuit refused the organization's tokens for good: the refresh
 * token was answered {@code invalid_grant} with no newer one stored, or the connecting user lost access. The
 * connection becomes Expired and every sync of the organization waits for a reconnect.
 */
public record QboAuthorizationLost(UUID orgId, String realmId, String reason) {
}
