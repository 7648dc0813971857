package io.ledgerline.domain.client;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.List;
import java.util.UUID;

public record ClientCreated(UUID orgId, UUID clientId, String name, String code, ContactDetails contact, List<String> tags,
                            BillingSettings billing) implements OrgScoped {
}
