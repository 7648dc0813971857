package io.ledgerline.app.integration.qbo;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Pulls every connection's changes every {@link QboProperties#changesInterval()}, on a thread of its own. */
@Component
class QboChangesSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QboChangesSchedule.class);

    private final QboChangesPuller puller;
    private final QboProperties properties;
    private ScheduledExecutorService thread;

    QboChangesSchedule(QboChangesPuller puller, QboProperties properties) {
        this.puller = puller;
        this.properties = properties;
    }

    private void pullAll() {
        try {
            QboChangesPuller.Round round = puller.pullAll();
            log.debug("Pulled {} QuickBooks changes for {} connections", round.changes(), round.connections());
        } catch (RuntimeException e) {
            log.error("The scheduled QuickBooks change pull failed", e);
        }
    }

    @Override
    public synchronized void start() {
        long interval = properties.changesInterval().toMillis();
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread puller = new Thread(runnable, "qbo-changes");
            puller.setDaemon(true);
            return puller;
        });
        thread.scheduleWithFixedDelay(this::pullAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
