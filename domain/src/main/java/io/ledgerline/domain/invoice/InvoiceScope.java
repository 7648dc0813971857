package io.ledgerline.domain.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Which work a draft was made from: the client's approved work dated within the period, of the listed projects
 * (empty: all of them), grouped into lines as said. A draft that bills no work has no period.
 */
public record InvoiceScope(List<UUID> projectIds, LocalDate periodStart, LocalDate periodEnd, LineGrouping grouping) {
}
