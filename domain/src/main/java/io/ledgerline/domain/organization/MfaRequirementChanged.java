package io.ledgerline.domain.organization;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;

public record MfaRequirementChanged(UUID orgId, boolean mfaRequired) implements OrgScoped {
}
