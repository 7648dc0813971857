package io.ledgerline.app.integration.qbo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A force resync and how far it got.
 *
 * @param requestedBy who asked (a member id)
 * @param planned     what the plan found, per action; {@code items} is left out of progress snapshots
 * @param done        planned changes carried out
 * @param failed      planned changes that failed; each is in {@code errors}
 * @param reason      why the whole job failed (it could not plan, or Ledgerline stopped while it ran)
 */
public record QboResyncJob(UUID jobId, Status status, boolean dryRun, String requestedBy, QboResyncPlan planned,
                           int done, int failed, Instant requestedAt, Instant startedAt, Instant finishedAt,
                           List<Failure> errors, String reason) {

    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    /** A planned change that could not be carried out, and why. */
    public record Failure(QboPlannedChange change, String message) {
    }

    /** The job without the plan's items: what a progress stream sends again and again. */
    public QboResyncJob progress() {
        QboResyncPlan counts = planned == null ? null : new QboResyncPlan(planned.creates(), planned.updates(),
                planned.links(), planned.pulls(), planned.conflicts(), null);
        return new QboResyncJob(jobId, status, dryRun, requestedBy, counts, done, failed, requestedAt, startedAt,
                finishedAt, errors, reason);
    }
}
