package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeProjectStatus(UUID orgId, @TargetAggregateIdentifier UUID projectId, ProjectStatus status)
        implements OrgScoped {
}
