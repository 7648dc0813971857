package io.ledgerline.projections.qbo;

import io.ledgerline.domain.qbo.QboDirection;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.projections.shared.Window;
import java.time.Instant;
import java.util.UUID;

/**
 * The sync log of an organization, newest first; every filter may be {@code null} (not filtered).
 *
 * @param from the earliest moment included
 * @param to   the latest moment included
 */
public record FindQboSyncLog(UUID orgId, QboEntity entity, QboOperation operation, UUID localId, Instant from,
                             Instant to, QboDirection direction, Window window) {
}
