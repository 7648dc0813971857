package io.ledgerline.domain.client;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.List;
import java.util.UUID;

public record ClientGeneralSettingsChanged(UUID orgId, UUID clientId, String name, ContactDetails contact, List<String> tags) implements OrgScoped {
}
