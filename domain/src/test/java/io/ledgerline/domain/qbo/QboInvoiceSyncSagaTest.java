package io.ledgerline.domain.qbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.domain.invoice.InvoiceFinalized;
import io.ledgerline.domain.invoice.InvoiceVoided;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QboInvoiceSyncSagaTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID INVOICE = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final String REALM = "9130";
    private static final String ID = INVOICE.toString();

    private SagaTestFixture<QboInvoiceSyncSaga> fixture;
    private final Policy policy = new Policy();
    private final Links links = new Links();

    private static final class Policy implements QboSyncPolicy {

        QboSettings settings;

        @Override
        public Optional<ActiveQbo> active(UUID orgId) {
            return Optional.ofNullable(settings).map(current -> new ActiveQbo(REALM, current));
        }
    }

    private static final class Links implements QboLinks {

        final Map<UUID, QboLinkRef> invoices = new HashMap<>();

        @Override
        public Optional<QboLinkRef> linkOf(UUID orgId, QboEntity entity, UUID localId) {
            return Optional.ofNullable(invoices.get(localId));
        }

        @Override
        public Optional<UUID> localIdOf(UUID orgId, QboEntity entity, String realmId, String qboId) {
            return Optional.empty();
        }

        @Override
        public boolean anyLinkedOutside(UUID orgId, String realmId) {
            return false;
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(QboInvoiceSyncSaga.class);
        fixture.registerResource(policy);
        fixture.registerResource(links);
    }

    private static InvoiceFinalized finalized() {
        return new InvoiceFinalized(ORG, INVOICE, CLIENT, "2026-0001", LocalDate.of(2026, 5, 4),
                LocalDate.of(2026, 6, 3), List.of(), List.of());
    }

    private static InvoiceVoided voided() {
        return new InvoiceVoided(ORG, INVOICE, CLIENT, "2026-0001", "Wrong client", List.of(), List.of());
    }

    private static QboInvoiceSyncDeferred deferred(QboInvoiceAction action, long retryAfter) {
        return new QboInvoiceSyncDeferred(ORG, INVOICE, action, retryAfter);
    }

    private static QboSyncAttempted pushed(QboOperation operation) {
        return new QboSyncAttempted(ORG, QboEntity.INVOICE, INVOICE, REALM, "130", QboDirection.PUSH, operation,
                "ll-1", 3L, "0", null, null, null, "{}", null);
    }

    @Test
    void finalizedInvoiceIsPushedWhenTheOrganizationPushesOnFinalize() {
        policy.settings = new QboSettings(true, true, true);
        fixture.givenNoPriorActivity()
                .whenPublishingA(finalized())
                .expectDispatchedCommands(PushInvoiceToQbo.of(ORG, INVOICE, QboInvoiceTrigger.AUTOMATIC))
                .expectActiveSagas(0);
    }

    @Test
    void finalizedInvoiceIsNotPushedWhenPushOnFinalizeIsOff() {
        policy.settings = new QboSettings(true, true, false);
        fixture.givenNoPriorActivity()
                .whenPublishingA(finalized())
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void finalizedInvoiceIsNotPushedWhenInvoiceSyncIsOff() {
        policy.settings = new QboSettings(true, false, true);
        fixture.givenNoPriorActivity()
                .whenPublishingA(finalized())
                .expectNoDispatchedCommands();
    }

    @Test
    void finalizedInvoiceIsNotPushedWithoutAConnection() {
        policy.settings = null;
        fixture.givenNoPriorActivity()
                .whenPublishingA(finalized())
                .expectNoDispatchedCommands();
    }

    @Test
    void deferredPushIsRetriedWhenQuickBooksAskedToWait() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(deferred(QboInvoiceAction.PUSH, 60))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(60), QboInvoiceSyncSaga.RETRY)
                .expectNoDispatchedCommands();
    }

    @Test
    void deadlineSendsTheSamePushAgain() {
        fixture.givenAPublished(deferred(QboInvoiceAction.PUSH, 60))
                .whenTimeElapses(Duration.ofSeconds(61))
                .expectDeadlinesMet(QboInvoiceAction.PUSH)
                .expectDispatchedCommands(PushInvoiceToQbo.of(ORG, INVOICE, QboInvoiceTrigger.RETRY));
    }

    @Test
    void deferredVoidIsRetriedAsAVoid() {
        fixture.givenAPublished(deferred(QboInvoiceAction.VOID, 0))
                .whenTimeElapses(QboInvoiceSyncSaga.FIRST_WAIT.plusSeconds(1))
                .expectDispatchedCommands(new VoidQboInvoice(ORG, INVOICE, QboInvoiceTrigger.RETRY));
    }

    @Test
    void secondDeferralWaitsLongerThanTheFirst() throws Exception {
        fixture.givenAPublished(deferred(QboInvoiceAction.PUSH, 5))
                .andThenTimeElapses(Duration.ofSeconds(6))
                .andThenAPublished(deferred(QboInvoiceAction.PUSH, 5))
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1).minusSeconds(10), QboInvoiceSyncSaga.RETRY);
    }

    @Test
    void anAttemptThatDidNotHaveToWaitEndsTheRetries() {
        fixture.givenAPublished(deferred(QboInvoiceAction.PUSH, 60))
                .whenPublishingA(pushed(QboOperation.CREATED))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void retriesStopAfterTheLastAttempt() throws Exception {
        var given = fixture.givenAPublished(deferred(QboInvoiceAction.PUSH, 1));
        for (int attempt = 2; attempt < QboInvoiceSyncSaga.MAX_ATTEMPTS; attempt++) {
            given = given.andThenTimeElapses(Duration.ofHours(2)).andThenAPublished(deferred(QboInvoiceAction.PUSH, 1));
        }
        given.andThenTimeElapses(Duration.ofHours(2))
                .whenPublishingA(deferred(QboInvoiceAction.PUSH, 1))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void voidedLinkedInvoiceIsVoidedInQuickBooks() {
        policy.settings = QboSettings.DEFAULTS;
        links.invoices.put(INVOICE, new QboLinkRef(REALM, "130"));
        fixture.givenNoPriorActivity()
                .whenPublishingA(voided())
                .expectDispatchedCommands(new VoidQboInvoice(ORG, INVOICE, QboInvoiceTrigger.AUTOMATIC))
                .expectActiveSagas(0);
    }

    @Test
    void voidedInvoiceNeverPushedIsLeftAlone() {
        policy.settings = QboSettings.DEFAULTS;
        fixture.givenNoPriorActivity()
                .whenPublishingA(voided())
                .expectNoDispatchedCommands();
    }

    @Test
    void voidCancelsAPendingPushRetry() {
        policy.settings = QboSettings.DEFAULTS;
        links.invoices.put(INVOICE, new QboLinkRef(REALM, "130"));
        fixture.givenAPublished(deferred(QboInvoiceAction.PUSH, 60))
                .whenPublishingA(voided())
                .expectDispatchedCommands(new VoidQboInvoice(ORG, INVOICE, QboInvoiceTrigger.AUTOMATIC))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void backoffWaitsWhatQuickBooksAskedThenGrows() {
        assertThat(QboInvoiceSyncSaga.waitBefore(1, 60)).isEqualTo(Duration.ofSeconds(60));
        assertThat(QboInvoiceSyncSaga.waitBefore(1, 0)).isEqualTo(QboInvoiceSyncSaga.FIRST_WAIT);
        assertThat(QboInvoiceSyncSaga.waitBefore(2, 0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(QboInvoiceSyncSaga.waitBefore(3, 600)).isEqualTo(Duration.ofMinutes(10));
        assertThat(QboInvoiceSyncSaga.waitBefore(7, 0)).isEqualTo(Duration.ofMinutes(60));
    }
}
