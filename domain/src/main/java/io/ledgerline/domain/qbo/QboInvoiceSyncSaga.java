package io.ledgerline.domain.qbo;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.ledgerline.domain.invoice.InvoiceFinalized;
import io.ledgerline.domain.invoice.InvoiceVoided;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Keeps an invoice's QuickBooks copy following the invoice: pushes it when it is finalized (if the organization
 * asked for that), voids it when it is voided, and retries a push or void that had to wait, with backoff, on
 * persistent deadlines. It never calls QuickBooks itself: {@link QboInvoiceSync} does, on its commands. It lives
 * only while something is to be done or retried.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class QboInvoiceSyncSaga {

    static final String RETRY = "qbo-invoice-retry";
    /** The first try plus seven retries; after that the last attempt stands in the sync log for an admin. */
    static final int MAX_ATTEMPTS = 8;
    /** Waits before the 2nd … 7th retry; the first waits for what QuickBooks asked (or {@link #FIRST_WAIT}). */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60), Duration.ofMinutes(60));
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient QboSyncPolicy policy;
    @Autowired
    private transient QboLinks links;

    private UUID orgId;
    private UUID invoiceId;
    private int attempts;

    @StartSaga
    @SagaEventHandler(associationProperty = "invoiceId")
    void on(InvoiceFinalized event) {
        remember(event.orgId(), event.invoiceId());
        boolean pushNow = policy.active(event.orgId())
                .map(active -> active.settings().syncInvoices() && active.settings().pushOnFinalize())
                .orElse(false);
        if (pushNow) {
            commands.send(PushInvoiceToQbo.of(event.orgId(), event.invoiceId(), QboInvoiceTrigger.AUTOMATIC));
        }
        SagaLifecycle.end();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "invoiceId")
    void on(InvoiceVoided event) {
        remember(event.orgId(), event.invoiceId());
        // A push still waiting for its retry is moot now: the void follows the invoice instead.
        deadlines.cancelAllWithinScope(RETRY);
        boolean linked = links.linkOf(event.orgId(), QboEntity.INVOICE, event.invoiceId()).isPresent();
        boolean syncing = policy.active(event.orgId()).map(active -> active.settings().syncInvoices()).orElse(false);
        if (linked && syncing) {
            commands.send(new VoidQboInvoice(event.orgId(), event.invoiceId(), QboInvoiceTrigger.AUTOMATIC));
        }
        SagaLifecycle.end();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "invoiceId")
    void on(QboInvoiceSyncDeferred event) {
        remember(event.orgId(), event.invoiceId());
        attempts++;
        if (attempts >= MAX_ATTEMPTS) {
            SagaLifecycle.end();
            return;
        }
        deadlines.schedule(waitBefore(attempts, event.retryAfterSeconds()), RETRY, event.action());
    }

    /** An attempt that did not have to wait (done, skipped, refused for good) ends the retries. */
    @SagaEventHandler(associationProperty = "localId", keyName = "invoiceId")
    void on(QboSyncAttempted event) {
        if (event.entity() == QboEntity.INVOICE && event.direction() == QboDirection.PUSH
                && event.operation() != QboOperation.DEFERRED) {
            deadlines.cancelAllWithinScope(RETRY);
            SagaLifecycle.end();
        }
    }

    @DeadlineHandler(deadlineName = RETRY)
    void retry(QboInvoiceAction action) {
        commands.send(switch (action) {
            case PUSH -> PushInvoiceToQbo.of(orgId, invoiceId, QboInvoiceTrigger.RETRY);
            case VOID -> new VoidQboInvoice(orgId, invoiceId, QboInvoiceTrigger.RETRY);
        });
    }

    /** @param retry 1 for the first retry */
    static Duration waitBefore(int retry, long retryAfterSeconds) {
        Duration asked = Duration.ofSeconds(Math.max(0, retryAfterSeconds));
        Duration ours = retry == 1 ? FIRST_WAIT : BACKOFF.get(Math.min(retry - 2, BACKOFF.size() - 1));
        if (retry == 1 && retryAfterSeconds > 0) {
            return asked;
        }
        return asked.compareTo(ours) > 0 ? asked : ours;
    }

    private void remember(UUID org, UUID invoice) {
        orgId = org;
        invoiceId = invoice;
    }
}
