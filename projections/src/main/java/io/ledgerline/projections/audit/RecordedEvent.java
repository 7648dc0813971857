package io.ledgerline.projections.audit;

import java.time.Instant;

/**
 * One event as the event store keeps it, for auditors.
 *
 * @param sequence    the record's version after this event (0 for the first)
 * @param type        the event's simple name, for example {@code MemberRoleChanged}
 * @param actor       who caused it (the member id, or the sign-up scope), from the event's metadata
 * @param requestId   the API request that caused it, from the event's metadata
 * @param payloadJson the event exactly as stored (JSON text)
 */
public record RecordedEvent(long sequence, String type, Instant occurredAt, String actor, String requestId,
                            String payloadJson) {
}
