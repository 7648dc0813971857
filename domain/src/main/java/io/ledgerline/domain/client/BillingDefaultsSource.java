package io.ledgerline.domain.client;

import io.ledgerline.domain.organization.BillingDefaults;
import java.util.UUID;

/** The organization's billing defaults as they are now, to complete a new client's billing settings. */
public interface BillingDefaultsSource {

    BillingDefaults defaultsFor(UUID orgId);
}
