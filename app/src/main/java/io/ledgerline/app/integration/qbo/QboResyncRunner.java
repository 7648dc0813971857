package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.QboSyncPolicy;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs force resyncs on worker threads of their own (never a Netty thread: planning and carrying out call
 * QuickBooks and block): plan, then carry out each planned change, recording progress after each. One job per
 * organization at a time ({@link QboResyncJobs#queue}). A job cut short by a stop of Ledgerline is not resumed — a
 * new force resync plans afresh, which is as cheap and never repeats a change — so at start-up every unfinished job
 * is marked failed with the reason.
 */
@Component
public class QboResyncRunner {

    static final String ABANDONED = "Ledgerline stopped while this force resync ran; start a new one to finish it.";

    private static final Logger log = LoggerFactory.getLogger(QboResyncRunner.class);

    private final QboResyncPlanner planner;
    private final QboSyncPolicy policy;
    private final QboResyncJobs jobs;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "qbo-resync-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    public QboResyncRunner(QboResyncPlanner planner, QboSyncPolicy policy, QboResyncJobs jobs) {
        this.planner = planner;
        this.policy = policy;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failAbandonedJobs() {
        int abandoned = jobs.failUnfinished(ABANDONED);
        if (abandoned > 0) {
            log.warn("Marked {} force resync job(s) failed: Ledgerline stopped while they ran", abandoned);
        }
    }

    /**
     * Queues a force resync of the organization and returns its id at once. Blocking (a JDBC insert).
     *
     * @throws io.ledgerline.domain.shared.BusinessRuleViolation 409 {@code qbo.not_connected}, or
     *                                                          {@code qbo.resync_running} while one runs
     */
    public UUID start(UUID orgId, String requestedBy) {
        policy.requireConnected(orgId);
        UUID jobId = jobs.queue(orgId, requestedBy);
        try {
            workers.execute(() -> run(orgId, jobId));
        } catch (RejectedExecutionException stopping) {
            jobs.failed(jobId, ABANDONED);
        }
        return jobId;
    }

    private void run(UUID orgId, UUID jobId) {
        try {
            carryOut(orgId, jobId);
        } catch (RuntimeException failure) {
            log.error("Force resync {} of organization {} stopped", jobId, orgId, failure);
            jobs.failed(jobId, "Stopped by an unexpected failure: " + failure.getMessage());
        }
    }

    private void carryOut(UUID orgId, UUID jobId) {
        jobs.started(jobId);
        List<QboResyncPlanner.Step> steps;
        try {
            steps = planner.steps(orgId);
        } catch (RuntimeException failure) {
            log.warn("Force resync {} of organization {} could not plan", jobId, orgId, failure);
            jobs.failed(jobId, "Could not plan: " + failure.getMessage());
            return;
        }
        jobs.planned(jobId, QboResyncPlan.of(steps.stream().map(QboResyncPlanner.Step::change).toList()));
        int done = 0;
        List<QboResyncJob.Failure> failures = new ArrayList<>();
        for (QboResyncPlanner.Step step : steps) {
            try {
                step.carryOut(orgId);
                done++;
            } catch (RuntimeException failure) {
                // One record that cannot be brought in step must not keep the others out of step.
                log.warn("Force resync {} could not carry out {}", jobId, step.change(), failure);
                failures.add(new QboResyncJob.Failure(step.change(), failure.getMessage()));
            }
            jobs.progressed(jobId, done, failures);
        }
        jobs.succeeded(jobId);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
