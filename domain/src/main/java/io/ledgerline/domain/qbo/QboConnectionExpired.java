package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

/** Intuit refused the tokens for good ({@code invalid_grant}, lost access): syncs pause until a reconnect. */
public record QboConnectionExpired(UUID orgId, String realmId, String reason) implements OrgScoped {
}
