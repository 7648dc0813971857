package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.client.BillingSettings;
import io.ledgerline.domain.client.ClientActivated;
import io.ledgerline.domain.client.ClientBillingChanged;
import io.ledgerline.domain.client.ClientCreated;
import io.ledgerline.domain.client.ClientDeactivated;
import io.ledgerline.domain.client.ClientDeleted;
import io.ledgerline.domain.client.ClientGeneralSettingsChanged;
import io.ledgerline.domain.client.ContactDetails;
import io.ledgerline.domain.qbo.QboClientProfile;
import io.ledgerline.domain.qbo.QboClientProfiles;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A client as its own events say it is now. Read from the event store rather than a read model, so a push right
 * after a change sends that change, and the version it records is exactly the client's.
 */
@Component
class QboClientProfileStore implements QboClientProfiles {

    private final EventStore events;

    QboClientProfileStore(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<QboClientProfile> current(UUID orgId, UUID clientId) {
        DomainEventStream stream = events.readEvents(clientId.toString());
        Profile profile = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            long version = message.getSequenceNumber();
            Instant at = message.getTimestamp();
            if (payload instanceof ClientCreated created) {
                profile = new Profile(created.orgId(), created.name(),
                        created.contact() == null ? ContactDetails.NONE : created.contact(), created.billing(), true,
                        version, at);
            } else if (profile == null) {
                return Optional.empty();
            } else if (payload instanceof ClientGeneralSettingsChanged changed) {
                profile = new Profile(profile.orgId, changed.name(),
                        changed.contact() == null ? ContactDetails.NONE : changed.contact(), profile.billing,
                        profile.active, version, at);
            } else if (payload instanceof ClientBillingChanged changed) {
                profile = new Profile(profile.orgId, profile.name, profile.contact, changed.billing(), profile.active,
                        version, at);
            } else if (payload instanceof ClientDeactivated || payload instanceof ClientActivated) {
                profile = new Profile(profile.orgId, profile.name, profile.contact, profile.billing,
                        payload instanceof ClientActivated, profile.fieldsVersion, profile.fieldsChangedAt);
            } else if (payload instanceof ClientDeleted) {
                return Optional.empty();
            }
        }
        if (profile == null || !profile.orgId.equals(orgId)) {
            return Optional.empty();
        }
        return Optional.of(new QboClientProfile(clientId, profile.name, profile.contact, profile.billing,
                profile.active, profile.fieldsVersion, profile.fieldsChangedAt));
    }

    private record Profile(UUID orgId, String name, ContactDetails contact, BillingSettings billing, boolean active,
                           long fieldsVersion, Instant fieldsChangedAt) {
    }
}
