package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.integration.PeriodicWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Pulls every connection's changes every {@link QboProperties#changesInterval()}, on a thread of its own. */
@Component
class QboChangesSchedule extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(QboChangesSchedule.class);

    private final QboChangesPuller puller;

    QboChangesSchedule(QboChangesPuller puller, QboProperties properties) {
        super("qbo-changes", properties.changesInterval());
        this.puller = puller;
    }

    @Override
    protected void runOnce() {
        try {
            QboChangesPuller.Round round = puller.pullAll();
            log.debug("Pulled {} QuickBooks changes for {} connections", round.changes(), round.connections());
        } catch (RuntimeException e) {
            log.error("The scheduled QuickBooks change pull failed", e);
        }
    }
}
