package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.MarkQboConnectionExpired;
import io.ledgerline.domain.qbo.QboConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Turns Intuit's refusal of an organization's tokens into the connection's Expired status. The refusal is noticed
 * in the middle of some other work (a push, a pull, inside its transaction): the expiry is recorded apart from it,
 * so that it stands whatever becomes of that work.
 */
@Component
class QboConnectionExpiry {

    private static final Logger log = LoggerFactory.getLogger(QboConnectionExpiry.class);

    private final QboSyncCommands commands;

    QboConnectionExpiry(QboSyncCommands commands) {
        this.commands = commands;
    }

    @EventListener
    void on(QboAuthorizationLost lost) {
        Schedulers.boundedElastic().schedule(() -> {
            try {
                commands.send(new MarkQboConnectionExpired(lost.orgId(), QboConnection.idOf(lost.orgId()),
                        lost.realmId(), lost.reason()));
            } catch (RuntimeException e) {
                log.error("Could not mark the QuickBooks connection of organization {} expired", lost.orgId(), e);
            }
        });
    }
}
