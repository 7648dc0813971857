package io.ledgerline.domain.organization;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes what is given; a {@code null} field is left as it is. */
public record UpdateOrganization(@TargetAggregateIdentifier UUID orgId, String name, ZoneId timeZone,
                                 Currency currency, BillingDefaults billingDefaults, Boolean mfaRequired)
        implements OrgScoped {
}
