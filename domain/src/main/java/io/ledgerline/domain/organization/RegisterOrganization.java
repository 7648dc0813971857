package io.ledgerline.domain.organization;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterOrganization(@TargetAggregateIdentifier UUID orgId, String name, ZoneId timeZone,
                                   Currency currency, UUID ownerMemberId) implements OrgScoped {
}
