package io.ledgerline.domain.qbo;

import static io.ledgerline.domain.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.domain.qbo.QboInvoicePusher.QboInvoicePush;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.BusinessRuleViolation.Kind;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QboInvoiceSyncTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();
    private static final UUID INVOICE = UUID.randomUUID();
    private static final UUID SYNC = QboInvoiceSyncs.syncIdOf(INVOICE);
    private static final String REALM = "9130";
    private static final Instant EARLIER = Instant.parse("2026-05-04T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-05-04T10:00:00Z");

    private AggregateTestFixture<QboInvoiceSync> fixture;
    private ScriptedPusher pusher;

    /** Answers with what each test scripts, and remembers what it was asked. */
    private static final class ScriptedPusher implements QboInvoicePusher {

        final Deque<Object> answers = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public QboInvoicePush push(UUID orgId, UUID invoiceId, String linkedQboId, int generation) {
            calls.add("push " + linkedQboId + " gen " + generation);
            return answer();
        }

        @Override
        public QboInvoicePush voidInvoice(UUID orgId, UUID invoiceId, String realmId, String qboId, int generation) {
            calls.add("void " + qboId);
            return answer();
        }

        private QboInvoicePush answer() {
            Object next = answers.removeFirst();
            if (next instanceof BusinessRuleViolation violation) {
                throw violation;
            }
            return (QboInvoicePush) next;
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(QboInvoiceSync.class);
        pusher = new ScriptedPusher();
        fixture.registerInjectableResource(pusher);
    }

    private static QboInvoicePush outcome(QboOperation operation, String qboId, QboLinkOrigin linkedAs) {
        return new QboInvoicePush(operation, REALM, qboId, linkedAs, 3L,
                QboInvoiceSyncs.pushRequestId(INVOICE, 3, 0), "0", EARLIER, null, "tid-1", "{\"DocNumber\":\"1\"}",
                null, 0);
    }

    private static QboSyncAttempted attempt(QboOperation operation, String qboId) {
        QboInvoicePush push = outcome(operation, qboId, null);
        return new QboSyncAttempted(ORG, QboEntity.INVOICE, INVOICE, REALM, qboId, QboDirection.PUSH, operation,
                push.requestId(), 3L, "0", EARLIER, null, "tid-1", push.payload(), null);
    }

    private static QboLinked linked(String qboId) {
        return new QboLinked(ORG, QboEntity.INVOICE, INVOICE, REALM, qboId, QboLinkOrigin.CREATED);
    }

    @Test
    void firstPushThatCreatesLinksTheInvoiceAndLogsTheAttempt() {
        pusher.answers.add(outcome(QboOperation.CREATED, "130", QboLinkOrigin.CREATED));
        fixture.givenNoPriorActivity()
                .when(PushInvoiceToQbo.of(ORG, INVOICE, QboInvoiceTrigger.MANUAL))
                .expectResultMessagePayload(outcome(QboOperation.CREATED, "130", QboLinkOrigin.CREATED))
                .expectEvents(linked("130"), attempt(QboOperation.CREATED, "130"));
        assertThat(pusher.calls).containsExactly("push null gen 0");
    }

    @Test
    void pushFindingTheInvoiceByItsNumberLinksItAsMatched() {
        pusher.answers.add(outcome(QboOperation.LINKED, "77", QboLinkOrigin.MATCHED));
        fixture.givenNoPriorActivity()
                .when(PushInvoiceToQbo.of(ORG, INVOICE, QboInvoiceTrigger.MANUAL))
                .expectEvents(new QboLinked(ORG, QboEntity.INVOICE, INVOICE, REALM, "77", QboLinkOrigin.MATCHED),
                        attempt(QboOperation.LINKED, "77"));
    }

    @Test
    void pushOfALinkedInvoiceOnlyEverUpdatesItsQuickBooksInvoice() {
        pusher.answers.add(outcome(QboOperation.UPDATED, "130", null));
        fixture.given(linked("130"), attempt(QboOperation.CREATED, "130"))
                .when(PushInvoiceToQbo.of(ORG, INVOICE, QboInvoiceTrigger.MANUAL))
                .expectEvents(attempt(QboOperation.UPDATED, "130"));
        assertThat(pusher.calls).containsExactly("push 130 gen 0");
    }

    @Test
    void aPusherClaimingANewLinkForALinkedInvoiceIsRefused() {
        pusher.answers.add(outcome(QboOperation.CREATED, "131", QboLinkOrigin.CREATED));
        fixture.given(linked("130"))
                .when(PushInvoiceToQbo.of(ORG, INVOICE, QboInvoiceTrigger.MANUAL))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void deferredPushIsLoggedAndScheduledForARetry() {
        pusher.answers.add(new QboInvoicePush(QboOperation.DEFERRED, REALM, null, null, 3L, "ll-x-3-0", null, null,
                new QboFault("3001", "ThrottleExceeded", null, null), "tid-2", "{}", "Throttled", 60));
        fixture.givenNoPriorActivity()
                .when(PushInvoiceToQbo.of(ORG, INVOICE, QboInvoiceTrigger.MANUAL))
                .expectEvents(new QboSyncAttempted(ORG, QboEntity.INVOICE, INVOICE, REALM, null, QboDirection.PUSH,
                                QboOperation.DEFERRED, "ll-x-3-0", 3L, null, null,
                                new QboFault("3001", "ThrottleExceeded", null, null), "tid-2", "{}", "Throttled"),
                        new QboInvoiceSyncDeferred(ORG, INVOICE, QboInvoiceAction.PUSH, 60));
    }

    @Test
    void manualPushThatMayNotBeTriedIsAnsweredAndRecordsNothing() {
        pusher.answers.add(BusinessRuleViolation.conflict("qbo.client_not_linked", "Link the client first."));
        fixture.givenNoPriorActivity()
                .when(PushInvoiceToQbo.of(ORG, INVOICE, QboInvoiceTrigger.MANUAL))
                .expectException(violation(Kind.CONFLICT, "qbo.client_not_linked"))
                .expectNoEvents();
    }

    @Test
    void automaticPushThatMayNotBeTriedIsLoggedAsAnError() {
        pusher.answers.add(BusinessRuleViolation.conflict("qbo.client_not_linked", "Link the client first."));
        fixture.givenNoPriorActivity()
                .when(PushInvoiceToQbo.of(ORG, INVOICE, QboInvoiceTrigger.AUTOMATIC))
                .expectEvents(new QboSyncAttempted(ORG, QboEntity.INVOICE, INVOICE, null, null, QboDirection.PUSH,
                        QboOperation.ERROR, null, null, null, null,
                        new QboFault("qbo.client_not_linked", "Link the client first.", null, null), null, null,
                        "Link the client first."));
    }

    @Test
    void retryWhileDisconnectedWaitsForAReconnect() {
        pusher.answers.add(BusinessRuleViolation.conflict("qbo.not_connected", "QuickBooks is not connected."));
        fixture.givenNoPriorActivity()
                .when(PushInvoiceToQbo.of(ORG, INVOICE, QboInvoiceTrigger.RETRY))
                .expectEvents(new QboSyncAttempted(ORG, QboEntity.INVOICE, INVOICE, null, null, QboDirection.PUSH,
                                QboOperation.DEFERRED, null, null, null, null,
                                new QboFault("qbo.not_connected", "QuickBooks is not connected.", null, null), null,
                                null, "Waiting for a reconnect: QuickBooks is not connected."),
                        new QboInvoiceSyncDeferred(ORG, INVOICE, QboInvoiceAction.PUSH, 0));
    }

    @Test
    void invoiceDeletedInQuickBooksIsNotPushedAgainByItself() {
        fixture.given(linked("130"), deletedInQbo())
                .when(PushInvoiceToQbo.of(ORG, INVOICE, QboInvoiceTrigger.MANUAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(skipped(
                        "Deleted in QuickBooks: it is not pushed again by itself; a force resync re-creates it."));
        assertThat(pusher.calls).isEmpty();
    }

    @Test
    void forceResyncRecreatesAnInvoiceDeletedInQuickBooksInANewGeneration() {
        pusher.answers.add(outcome(QboOperation.CREATED, "140", QboLinkOrigin.CREATED));
        fixture.given(linked("130"), deletedInQbo())
                .when(new PushInvoiceToQbo(ORG, INVOICE, QboInvoiceTrigger.RESYNC, true))
                .expectEvents(new QboUnlinked(ORG, QboEntity.INVOICE, INVOICE, REALM, "130",
                                "Deleted in QuickBooks; a force resync re-creates it."),
                        new QboInvoiceRecreationStarted(ORG, INVOICE, 1),
                        linked("140"), attempt(QboOperation.CREATED, "140"));
        assertThat(pusher.calls).containsExactly("push null gen 1");
    }

    @Test
    void pushForAnotherOrganizationFindsNoInvoice() {
        fixture.given(linked("130"))
                .when(PushInvoiceToQbo.of(OTHER_ORG, INVOICE, QboInvoiceTrigger.MANUAL))
                .expectException(violation(Kind.NOT_FOUND, "invoice.not_found"));
    }

    @Test
    void voidOfALinkedInvoiceVoidsItInQuickBooks() {
        pusher.answers.add(outcome(QboOperation.VOIDED, "130", null));
        fixture.given(linked("130"))
                .when(new VoidQboInvoice(ORG, INVOICE, QboInvoiceTrigger.AUTOMATIC))
                .expectEvents(attempt(QboOperation.VOIDED, "130"));
        assertThat(pusher.calls).containsExactly("void 130");
    }

    @Test
    void voidOfAnInvoiceAlreadyVoidedInQuickBooksCallsNothing() {
        fixture.given(linked("130"), pulled(QboOperation.VOIDED, LATER))
                .when(new VoidQboInvoice(ORG, INVOICE, QboInvoiceTrigger.AUTOMATIC))
                .expectEvents(skipped("Already voided in QuickBooks."));
        assertThat(pusher.calls).isEmpty();
    }

    @Test
    void deferredVoidIsScheduledForARetry() {
        pusher.answers.add(new QboInvoicePush(QboOperation.DEFERRED, REALM, "130", null, null, "ll-v", null, null,
                null, null, null, "QuickBooks unavailable", 5));
        fixture.given(linked("130"))
                .when(new VoidQboInvoice(ORG, INVOICE, QboInvoiceTrigger.AUTOMATIC))
                .expectEvents(new QboSyncAttempted(ORG, QboEntity.INVOICE, INVOICE, REALM, "130", QboDirection.PUSH,
                                QboOperation.DEFERRED, "ll-v", null, null, null, null, null, null,
                                "QuickBooks unavailable"),
                        new QboInvoiceSyncDeferred(ORG, INVOICE, QboInvoiceAction.VOID, 5));
    }

    @Test
    void voidInQuickBooksIsLoggedAndAnsweredAsToBeVoidedHere() {
        fixture.given(linked("130"))
                .when(new ApplyQboInvoiceChange(ORG, INVOICE, REALM, "130", QboInvoiceChange.VOIDED, LATER, "4"))
                .expectResultMessagePayload(true)
                .expectEvents(pulled(QboOperation.VOIDED, LATER));
    }

    @Test
    void aChangeNoNewerThanTheLastAppliedIsSkipped() {
        fixture.given(linked("130"), pulled(QboOperation.VOIDED, LATER))
                .when(new ApplyQboInvoiceChange(ORG, INVOICE, REALM, "130", QboInvoiceChange.DELETED, EARLIER, "4"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aVoidWeMadeOurselvesComingBackChangesNothing() {
        fixture.given(linked("130"), attempt(QboOperation.VOIDED, "130"))
                .when(new ApplyQboInvoiceChange(ORG, INVOICE, REALM, "130", QboInvoiceChange.VOIDED, LATER, "4"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aChangeOfAnotherQuickBooksInvoiceIsRefused() {
        fixture.given(linked("130"))
                .when(new ApplyQboInvoiceChange(ORG, INVOICE, REALM, "999", QboInvoiceChange.DELETED, LATER, "4"))
                .expectException(violation(Kind.NOT_FOUND, "qbo.invoice_not_linked"));
    }

    @Test
    void paymentPullsAreLoggedUnderThePayment() {
        UUID payment = QboInvoiceSyncs.paymentIdOf(REALM, "55", INVOICE);
        fixture.given(linked("130"))
                .when(new RecordQboPaymentPull(ORG, INVOICE, payment, REALM, "55", QboOperation.CREATED, LATER,
                        null, "Recorded"))
                .expectEvents(new QboSyncAttempted(ORG, QboEntity.PAYMENT, payment, REALM, "55", QboDirection.PULL,
                        QboOperation.CREATED, null, null, null, LATER, null, null, null, "Recorded"));
    }

    @Test
    void requestIdsAreStablePerVersionAndGenerationAndFitIntuitsLimit() {
        assertThat(QboInvoiceSyncs.pushRequestId(INVOICE, 12, 0)).isEqualTo(QboInvoiceSyncs.pushRequestId(INVOICE, 12, 0))
                .isNotEqualTo(QboInvoiceSyncs.pushRequestId(INVOICE, 12, 1))
                .isNotEqualTo(QboInvoiceSyncs.pushRequestId(INVOICE, 13, 0));
        assertThat(QboInvoiceSyncs.pushRequestId(INVOICE, 999_999, 999)).hasSizeLessThanOrEqualTo(50);
        assertThat(QboInvoiceSyncs.voidRequestId(INVOICE, 999)).hasSizeLessThanOrEqualTo(50);
        String update = QboInvoiceSyncs.updateRequestId(INVOICE, 12, 0, "130", "4");
        assertThat(update).hasSizeLessThanOrEqualTo(50)
                .isEqualTo(QboInvoiceSyncs.updateRequestId(INVOICE, 12, 0, "130", "4"))
                .isNotEqualTo(QboInvoiceSyncs.updateRequestId(INVOICE, 12, 0, "130", "5"))
                .isNotEqualTo(QboInvoiceSyncs.pushRequestId(INVOICE, 12, 0));
    }

    private static QboSyncAttempted skipped(String note) {
        return new QboSyncAttempted(ORG, QboEntity.INVOICE, INVOICE, REALM, "130", QboDirection.PUSH,
                QboOperation.SKIPPED, null, null, null, null, null, null, null, note);
    }

    private static QboSyncAttempted deletedInQbo() {
        return pulled(QboOperation.DELETED, LATER);
    }

    private static QboSyncAttempted pulled(QboOperation operation, Instant at) {
        String note = operation == QboOperation.VOIDED ? "Voided in QuickBooks: the invoice is voided here too."
                : "Deleted in QuickBooks: the link stays, marked; it is not pushed again by itself.";
        return new QboSyncAttempted(ORG, QboEntity.INVOICE, INVOICE, REALM, "130", QboDirection.PULL, operation,
                null, null, "4", at, null, null, null, note);
    }
}
