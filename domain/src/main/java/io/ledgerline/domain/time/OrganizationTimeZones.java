package io.ledgerline.domain.time;

import java.time.ZoneId;
import java.util.UUID;

/** The time zone an organization's business dates are in: an instant becomes a date there. */
public interface OrganizationTimeZones {

    ZoneId zoneOf(UUID orgId);
}
