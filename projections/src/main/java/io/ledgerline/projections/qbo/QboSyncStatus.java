package io.ledgerline.projections.qbo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The QuickBooks status panel: when the last sync attempt was, how many records are in step, and what is failing.
 *
 * @param lastSyncAt the newest sync attempt of the organization, {@code null} before any
 * @param linked     linked records per entity ({@code customer}, {@code invoice}, {@code payment})
 * @param lastDay    sync attempts of the last 24 hours per operation ({@code created}, {@code error}, …)
 */
public record QboSyncStatus(Instant lastSyncAt, Map<String, Long> linked, Map<String, Long> lastDay,
                            OpenErrors openErrors) {

    /** Records whose last attempt failed or ended in a conflict: how many, and the latest of them. */
    public record OpenErrors(long count, List<OpenError> latest) {
    }

    public record OpenError(String entity, UUID localId, String qboId, String operation, String code, String message,
                            Instant at) {
    }
}
