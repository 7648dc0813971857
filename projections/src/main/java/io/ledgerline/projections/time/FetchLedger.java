package io.ledgerline.projections.time;

import java.time.LocalDate;
import java.util.UUID;

/** A member's entries from one date to another (both included), in the order of the days. */
public record FetchLedger(UUID orgId, UUID memberId, LocalDate from, LocalDate to) {
}
