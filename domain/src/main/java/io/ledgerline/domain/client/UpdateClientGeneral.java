package io.ledgerline.domain.client;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateClientGeneral(UUID orgId, @TargetAggregateIdentifier UUID clientId, String name, ContactDetails contact,
                                  List<String> tags) implements OrgScoped {
}
