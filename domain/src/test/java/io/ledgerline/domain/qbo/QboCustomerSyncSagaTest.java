package io.ledgerline.domain.qbo;

import io.ledgerline.domain.client.BillingSettings;
import io.ledgerline.domain.client.ClientBillingChanged;
import io.ledgerline.domain.client.ClientDeleted;
import io.ledgerline.domain.client.ClientGeneralSettingsChanged;
import io.ledgerline.domain.client.ContactDetails;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QboCustomerSyncSagaTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final String REALM = "9130";
    private static final QboLinked LINKED =
            new QboLinked(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58", QboLinkOrigin.CHOSEN);
    private static final ClientGeneralSettingsChanged RENAMED = new ClientGeneralSettingsChanged(ORG, CLIENT,
            "Acme Ltd", ContactDetails.NONE, List.of());
    private static final PushClientToQbo PUSH = new PushClientToQbo(ORG, CLIENT, true);

    private SagaTestFixture<QboCustomerSyncSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(QboCustomerSyncSaga.class);
    }

    @Test
    void aLinkStartsTheSync() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(LINKED)
                .expectActiveSagas(1)
                .expectAssociationWith("clientId", CLIENT.toString())
                .expectNoDispatchedCommands();
    }

    @Test
    void anInvoiceLinkStartsNoCustomerSync() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new QboLinked(ORG, QboEntity.INVOICE, UUID.randomUUID(), REALM, "130",
                        QboLinkOrigin.CREATED))
                .expectActiveSagas(0);
    }

    @Test
    void aClientChangeMadeInLedgerlineIsPushed() {
        fixture.givenAPublished(LINKED)
                .whenPublishingA(GenericEventMessage.asEventMessage(RENAMED)
                        .andMetaData(Map.of("actor", UUID.randomUUID().toString())))
                .expectDispatchedCommands(PUSH);
    }

    @Test
    void aBillingChangeMadeInLedgerlineIsPushed() {
        fixture.givenAPublished(LINKED)
                .whenPublishingA(new ClientBillingChanged(ORG, CLIENT, new BillingSettings(null, "ap@acme.test", null,
                        Currency.getInstance("EUR"), 14, BigDecimal.ZERO, null), Instant.now()))
                .expectDispatchedCommands(PUSH);
    }

    @Test
    void aChangeThePullFromQuickBooksMadeIsNotPushedBack() {
        fixture.givenAPublished(LINKED)
                .whenPublishingA(GenericEventMessage.asEventMessage(RENAMED)
                        .andMetaData(Map.of("actor", QboClientUpdates.ACTOR)))
                .expectNoDispatchedCommands();
    }

    @Test
    void aChangeOfAnUnlinkedClientIsNotPushed() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(RENAMED)
                .expectNoDispatchedCommands();
    }

    @Test
    void aDeferredPushIsRetriedAfterAMinute() {
        fixture.givenAPublished(LINKED)
                .andThenAPublished(attempt(QboOperation.DEFERRED))
                .whenTimeElapses(Duration.ofSeconds(61))
                .expectTriggeredDeadlinesWithName(QboCustomerSyncSaga.RETRY_PUSH)
                .expectDispatchedCommands(PUSH);
    }

    @Test
    void aPushDeferredAgainWaitsTwiceAsLong() throws Exception {
        fixture.givenAPublished(LINKED)
                .andThenAPublished(attempt(QboOperation.DEFERRED))
                .andThenTimeElapses(Duration.ofSeconds(61))
                .andThenAPublished(attempt(QboOperation.DEFERRED))
                .whenTimeElapses(Duration.ofSeconds(61))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(59), QboCustomerSyncSaga.RETRY_PUSH);
    }

    @Test
    void aSuccessfulPushCancelsThePendingRetry() {
        fixture.givenAPublished(LINKED)
                .andThenAPublished(attempt(QboOperation.DEFERRED))
                .whenPublishingA(attempt(QboOperation.UPDATED))
                .expectNoScheduledDeadlines();
    }

    @Test
    void retriesBackOffUpToADay() {
        org.assertj.core.api.Assertions.assertThat(QboCustomerSyncSaga.retryDelay(0)).isEqualTo(Duration.ofMinutes(1));
        org.assertj.core.api.Assertions.assertThat(QboCustomerSyncSaga.retryDelay(3)).isEqualTo(Duration.ofMinutes(8));
        org.assertj.core.api.Assertions.assertThat(QboCustomerSyncSaga.retryDelay(40)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theUnlinkEndsTheSync() {
        fixture.givenAPublished(LINKED)
                .andThenAPublished(attempt(QboOperation.DEFERRED))
                .whenPublishingA(new QboUnlinked(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58", "x"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void deletingTheClientUnlinksItAndEndsTheSync() {
        fixture.givenAPublished(LINKED)
                .whenPublishingA(new ClientDeleted(ORG, CLIENT))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new UnlinkClientFromQbo(ORG, CLIENT, "The client was deleted in Ledgerline."));
    }

    private static QboSyncAttempted attempt(QboOperation operation) {
        return new QboSyncAttempted(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58", QboDirection.PUSH, operation,
                "req", 1L, null, null, null, null, "{}", null);
    }
}
