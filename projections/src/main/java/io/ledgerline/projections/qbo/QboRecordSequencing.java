package io.ledgerline.projections.qbo;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.stereotype.Component;

/**
 * Handles the QuickBooks events of one Ledgerline record one after the other, whichever aggregate stored them, so
 * the link-state row of a record is never read and written by two segments at once. Other events keep Axon's
 * per-aggregate order.
 */
@Component(QboRecordSequencing.BEAN)
public class QboRecordSequencing implements SequencingPolicy<EventMessage<?>> {

    public static final String BEAN = "qboRecordSequencing";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return QboLinkState.keyOf(event.getPayload())
                .<Object>map(QboLinkState.Key::toString)
                .orElseGet(() -> SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event));
    }
}
