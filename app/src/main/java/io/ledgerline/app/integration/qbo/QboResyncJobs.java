package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.r2dbc.spi.Readable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The force-resync jobs in {@code qbo_sync_job}: written (JDBC) by the worker that runs them, read (R2DBC) by the
 * API without blocking. Operational state, not a read model: nothing rebuilds it from events.
 */
@Component
public class QboResyncJobs {

    private static final TypeReference<List<QboResyncJob.Failure>> FAILURES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final DatabaseClient database;
    private final JsonMapper json;

    public QboResyncJobs(JdbcTemplate jdbc, DatabaseClient database, JsonMapper json) {
        this.jdbc = jdbc;
        this.database = database;
        this.json = json;
    }

    /** Keeps a dry run as a finished job with its plan: who looked at what, and when. */
    public UUID recordDryRun(UUID orgId, String requestedBy, QboResyncPlan plan) {
        UUID jobId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                        INSERT INTO qbo_sync_job (job_id, org_id, requested_by, status, dry_run, creates, updates,
                            links, pulls, conflicts, requested_at, started_at, finished_at, plan)
                        VALUES (?, ?, ?, 'succeeded', true, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                jobId, orgId, requestedBy, plan.creates(), plan.updates(), plan.links(), plan.pulls(),
                plan.conflicts(), now, now, now, json.writeValueAsString(plan.items()));
        return jobId;
    }

    /** @throws BusinessRuleViolation 409 {@code qbo.resync_running} while another job of the organization is not finished */
    public UUID queue(UUID orgId, String requestedBy) {
        UUID jobId = UUID.randomUUID();
        try {
            jdbc.update("""
                            INSERT INTO qbo_sync_job (job_id, org_id, requested_by, status, dry_run, requested_at)
                            VALUES (?, ?, ?, 'queued', false, ?)""",
                    jobId, orgId, requestedBy, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException running) {
            throw BusinessRuleViolation.conflict("qbo.resync_running",
                    "A force resync of this organization is already running: follow it, or wait until it ends.");
        }
        return jobId;
    }

    void started(UUID jobId) {
        jdbc.update("UPDATE qbo_sync_job SET status = 'running', started_at = ? WHERE job_id = ?",
                Timestamp.from(Instant.now()), jobId);
    }

    void planned(UUID jobId, QboResyncPlan plan) {
        jdbc.update("""
                        UPDATE qbo_sync_job SET creates = ?, updates = ?, links = ?, pulls = ?, conflicts = ?,
                            plan = ?::jsonb
                        WHERE job_id = ?""",
                plan.creates(), plan.updates(), plan.links(), plan.pulls(), plan.conflicts(),
                json.writeValueAsString(plan.items()), jobId);
    }

    void progressed(UUID jobId, int done, List<QboResyncJob.Failure> failures) {
        jdbc.update("UPDATE qbo_sync_job SET done = ?, failed = ?, errors = ?::jsonb WHERE job_id = ?",
                done, failures.size(), json.writeValueAsString(failures), jobId);
    }

    void succeeded(UUID jobId) {
        jdbc.update("UPDATE qbo_sync_job SET status = 'succeeded', finished_at = ? WHERE job_id = ?",
                Timestamp.from(Instant.now()), jobId);
    }

    void failed(UUID jobId, String reason) {
        jdbc.update("UPDATE qbo_sync_job SET status = 'failed', finished_at = ?, reason = ? WHERE job_id = ?",
                Timestamp.from(Instant.now()), reason, jobId);
    }

    /** Marks every unfinished job failed: called at start-up, when no job of this instance can be running. */
    int failUnfinished(String reason) {
        return jdbc.update("""
                        UPDATE qbo_sync_job SET status = 'failed', finished_at = ?, reason = ?
                        WHERE status IN ('queued', 'running')""",
                Timestamp.from(Instant.now()), reason);
    }

    /** The job, when it belongs to the organization. */
    public Mono<QboResyncJob> find(UUID orgId, UUID jobId) {
        return database.sql("SELECT * FROM qbo_sync_job WHERE org_id = :orgId AND job_id = :jobId")
                .bind("orgId", orgId)
                .bind("jobId", jobId)
                .map(this::job)
                .one();
    }

    private QboResyncJob job(Readable row) {
        String plan = row.get("plan", String.class);
        QboResyncPlan planned = plan == null ? null : new QboResyncPlan(row.get("creates", Integer.class),
                row.get("updates", Integer.class), row.get("links", Integer.class), row.get("pulls", Integer.class),
                row.get("conflicts", Integer.class),
                json.readValue(plan, new TypeReference<List<QboPlannedChange>>() {
                }));
        return new QboResyncJob(row.get("job_id", UUID.class),
                QboResyncJob.Status.valueOf(row.get("status", String.class).toUpperCase(java.util.Locale.ROOT)),
                row.get("dry_run", Boolean.class), row.get("requested_by", String.class), planned,
                row.get("done", Integer.class), row.get("failed", Integer.class), instant(row, "requested_at"),
                instant(row, "started_at"), instant(row, "finished_at"),
                json.readValue(row.get("errors", String.class), FAILURES), row.get("reason", String.class));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
