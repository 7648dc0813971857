package io.ledgerline.app.integration;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;

/**
 * Background work of an integration on one daemon thread of its own (never a Netty thread, never a request's):
 * run every {@code period} while the application runs, and soon after {@link #runSoon()}. Runs never overlap, and
 * requests for a run coalesce while one is already waiting.
 */
public abstract class PeriodicWorker implements SmartLifecycle {

    private final String threadName;
    private final Duration period;
    private final AtomicBoolean runQueued = new AtomicBoolean();
    private ScheduledExecutorService thread;

    protected PeriodicWorker(String threadName, Duration period) {
        this.threadName = threadName;
        this.period = period;
    }

    /** One round of the work; a failure must be handled (logged) here, or the schedule stops. */
    protected abstract void runOnce();

    /** Asks for a run soon, without waiting for the next period. */
    protected void runSoon() {
        ScheduledExecutorService running = thread;
        if (running != null && runQueued.compareAndSet(false, true)) {
            running.execute(this::run);
        }
    }

    private void run() {
        runQueued.set(false);
        runOnce();
    }

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = new Thread(runnable, threadName);
            worker.setDaemon(true);
            return worker;
        });
        thread.scheduleWithFixedDelay(this::run, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
