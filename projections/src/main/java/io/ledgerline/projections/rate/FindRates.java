package io.ledgerline.projections.rate;

import io.ledgerline.domain.rate.RateLevel;
import io.ledgerline.projections.shared.Window;
import java.util.UUID;

/**
 * The rate schedule of an organization by level, target and latest date first. {@code level} null: every level;
 * {@code targetId} null: every target of the level.
 */
public record FindRates(UUID orgId, RateLevel level, UUID targetId, Window window) {
}
