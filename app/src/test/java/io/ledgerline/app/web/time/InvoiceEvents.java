package io.ledgerline.app.web.time;

import java.util.UUID;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * Invoices are another part's aggregate. Their events are stored here as that aggregate stores them, in sequence
 * under the invoice's id, so that processors see a finalization and its void in order, as they would in use.
 */
final class InvoiceEvents {

    private final EventBus events;

    InvoiceEvents(EventBus events) {
        this.events = events;
    }

    void publish(UUID invoiceId, long sequence, Object event) {
        events.publish(new GenericDomainEventMessage<>("Invoice", invoiceId.toString(), sequence, event));
    }
}
