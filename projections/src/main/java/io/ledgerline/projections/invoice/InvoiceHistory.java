package io.ledgerline.projections.invoice;

import io.ledgerline.domain.invoice.InvoiceDocument;
import io.ledgerline.domain.invoice.InvoiceDraftCreated;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * An invoice read straight from its events in the event store and folded into its {@link InvoiceDocument}: as it
 * is now (what the read model is written from) or as it was at a past moment. Both go through the same fold as
 * the aggregate. Reading the event store blocks: callers on the web side run it off the event loop.
 */
@Component
public class InvoiceHistory {

    /** The aggregate type the event store records for invoices: an id of any other record is no invoice. */
    static final String AGGREGATE_TYPE = "Invoice";

    private final EventStore events;

    public InvoiceHistory(EventStore events) {
        this.events = events;
    }

    /** The invoice after every event stored so far; empty when there is no such invoice. */
    public Optional<InvoiceDocument> current(UUID invoiceId) {
        return fold(invoiceId, event -> true);
    }

    /** The invoice after the events stored up to and including {@code moment}; empty before its first event. */
    public Optional<InvoiceDocument> asOf(UUID invoiceId, Instant moment) {
        return fold(invoiceId, event -> !event.getTimestamp().isAfter(moment));
    }

    private Optional<InvoiceDocument> fold(UUID invoiceId, Predicate<DomainEventMessage<?>> included) {
        DomainEventStream stream = events.readEvents(invoiceId.toString());
        InvoiceDocument document = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!AGGREGATE_TYPE.equals(event.getType()) || !included.test(event)) {
                break;
            }
            if (document == null) {
                if (!(event.getPayload() instanceof InvoiceDraftCreated created)) {
                    break;
                }
                document = InvoiceDocument.started(created, event.getTimestamp(), event.getSequenceNumber());
            } else {
                document = document.apply(event.getPayload(), event.getTimestamp(), event.getSequenceNumber());
            }
        }
        return Optional.ofNullable(document);
    }
}
