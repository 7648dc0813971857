package io.ledgerline.domain.qbo;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.ledgerline.domain.client.ClientBillingChanged;
import io.ledgerline.domain.client.ClientDeleted;
import io.ledgerline.domain.client.ClientGeneralSettingsChanged;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Keeps a linked client's customer in step automatically: a change made in Ledgerline is pushed, and a push
 * QuickBooks could not take yet (throttled, unavailable) is retried with a growing delay. Changes the pull from
 * QuickBooks made (actor {@value QboClientUpdates#ACTOR}) are not pushed back. Lives from the link to the unlink.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class QboCustomerSyncSaga {

    static final String RETRY_PUSH = "qbo-customer-retry-push";
    /** After a throttle Intuit asks for 60 s; doubling from there, a day at most. */
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LAST_RETRY = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(QboCustomerSyncSaga.class);

    private UUID orgId;
    private UUID clientId;
    private int deferrals;
    private String retryId;

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;

    @StartSaga
    @SagaEventHandler(associationProperty = "localId", keyName = "clientId")
    void on(QboLinked event) {
        if (event.entity() != QboEntity.CUSTOMER) {
            SagaLifecycle.end();
            return;
        }
        orgId = event.orgId();
        clientId = event.localId();
    }

    @SagaEventHandler(associationProperty = "clientId")
    void on(ClientGeneralSettingsChanged event, @MetaDataValue("actor") String actor) {
        pushUnlessPulled(actor);
    }

    @SagaEventHandler(associationProperty = "clientId")
    void on(ClientBillingChanged event, @MetaDataValue("actor") String actor) {
        pushUnlessPulled(actor);
    }

    @SagaEventHandler(associationProperty = "localId", keyName = "clientId")
    void on(QboSyncAttempted event) {
        if (event.entity() != QboEntity.CUSTOMER || event.direction() != QboDirection.PUSH) {
            return;
        }
        if (event.operation() == QboOperation.DEFERRED) {
            cancelRetry();
            retryId = deadlines.schedule(retryDelay(deferrals), RETRY_PUSH);
            deferrals++;
        } else if (event.operation() != QboOperation.UNLINKED) {
            cancelRetry();
            deferrals = 0;
        }
    }

    @DeadlineHandler(deadlineName = RETRY_PUSH)
    void retryPush() {
        retryId = null;
        push();
    }

    @SagaEventHandler(associationProperty = "localId", keyName = "clientId")
    void on(QboUnlinked event) {
        if (event.entity() == QboEntity.CUSTOMER) {
            cancelRetry();
            SagaLifecycle.end();
        }
    }

    /** A deleted client's customer stays in QuickBooks (it holds the invoice history), no longer linked. */
    @EndSaga
    @SagaEventHandler(associationProperty = "clientId")
    void on(ClientDeleted event) {
        cancelRetry();
        commands.send(new UnlinkClientFromQbo(orgId, clientId, "The client was deleted in Ledgerline."))
                .exceptionally(failure -> {
                    log.warn("Could not unlink deleted client {} from QuickBooks: {}", clientId, failure.getMessage());
                    return null;
                });
    }

    static Duration retryDelay(int deferrals) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(deferrals, 11));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    private void pushUnlessPulled(String actor) {
        if (!QboClientUpdates.ACTOR.equals(actor)) {
            push();
        }
    }

    private void push() {
        // Refusals (QuickBooks disconnected, customer sync turned off) are not retried: a reconnect or a force
        // resync brings the customer up to date.
        commands.send(new PushClientToQbo(orgId, clientId, true)).exceptionally(failure -> {
            log.info("Client {} not pushed to QuickBooks: {}", clientId, failure.getMessage());
            return null;
        });
    }

    private void cancelRetry() {
        if (retryId != null) {
            deadlines.cancelSchedule(RETRY_PUSH, retryId);
            retryId = null;
        }
    }
}
