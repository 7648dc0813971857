package io.ledgerline.projections.time;

import java.time.LocalDate;
import java.util.UUID;

public record FetchTimesheet(UUID orgId, UUID memberId, LocalDate weekStart) {
}
