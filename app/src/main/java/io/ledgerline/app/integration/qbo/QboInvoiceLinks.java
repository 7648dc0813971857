package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboInvoiceSyncs;
import io.ledgerline.domain.qbo.QboLinked;
import io.ledgerline.domain.qbo.QboSyncAttempted;
import io.ledgerline.domain.qbo.QboUnlinked;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * An invoice's QuickBooks link and its last sync attempt, read from its {@code QboInvoiceSync}'s events: what the
 * command side knows this moment, not a read model that may lag behind the push that just answered. Blocking.
 */
@Component
public class QboInvoiceLinks {

    private final EventStore events;

    QboInvoiceLinks(EventStore events) {
        this.events = events;
    }

    /** @param attemptedAt when the last attempt was recorded */
    public record InvoiceLink(String realmId, String qboId, QboSyncAttempted lastAttempt, Instant attemptedAt) {
    }

    public Optional<InvoiceLink> of(UUID invoiceId) {
        DomainEventStream stream = events.readEvents(QboInvoiceSyncs.syncIdOf(invoiceId).toString());
        String realmId = null;
        String qboId = null;
        QboSyncAttempted last = null;
        Instant at = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof QboLinked linked) {
                realmId = linked.realmId();
                qboId = linked.qboId();
            } else if (event.getPayload() instanceof QboUnlinked) {
                qboId = null;
            } else if (event.getPayload() instanceof QboSyncAttempted attempted
                    && attempted.entity() == QboEntity.INVOICE) {
                last = attempted;
                at = event.getTimestamp();
            }
        }
        return last == null && qboId == null ? Optional.empty()
                : Optional.of(new InvoiceLink(realmId, qboId, last, at));
    }
}
