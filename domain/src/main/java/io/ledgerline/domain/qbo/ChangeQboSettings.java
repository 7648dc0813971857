package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeQboSettings(UUID orgId, @TargetAggregateIdentifier UUID connectionId, QboSettings settings)
        implements OrgScoped {
}
