package io.ledgerline.domain.qbo;

import java.util.Optional;
import java.util.UUID;

/** Clients as the command side knows them (from their own events, never behind), for pushes and pulls. */
public interface QboClientProfiles {

    /** Empty when the organization has no such (undeleted) client. */
    Optional<QboClientProfile> current(UUID orgId, UUID clientId);
}
