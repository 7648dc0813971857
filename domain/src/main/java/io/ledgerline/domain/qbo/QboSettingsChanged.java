package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record QboSettingsChanged(UUID orgId, QboSettings settings) implements OrgScoped {
}
