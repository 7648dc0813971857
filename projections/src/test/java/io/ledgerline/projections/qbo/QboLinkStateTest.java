package io.ledgerline.projections.qbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.domain.qbo.QboDirection;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.QboLinkOrigin;
import io.ledgerline.domain.qbo.QboLinked;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.domain.qbo.QboSyncAttempted;
import io.ledgerline.domain.qbo.QboUnlinked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QboLinkStateTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final QboLinkState.Key KEY = new QboLinkState.Key(ORG, QboEntity.CUSTOMER, CLIENT);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void theEventsOfARecordGiveTheSameStateInAnyOrder() {
        List<QboLinkState.Event> events = List.of(
                event(0, "a", new QboLinked(ORG, QboEntity.CUSTOMER, CLIENT, "realm", "58", QboLinkOrigin.IMPORTED)),
                event(1, "b", attempt(QboOperation.CREATED, null)),
                event(2, "c", attempt(QboOperation.ERROR, new QboFault("6000", "Business validation", "x", null))),
                event(3, "d", new QboUnlinked(ORG, QboEntity.CUSTOMER, CLIENT, "realm", "58", "wrong customer")),
                event(4, "e", new QboLinked(ORG, QboEntity.CUSTOMER, CLIENT, "realm", "59", QboLinkOrigin.CHOSEN)));
        QboLinkState inOrder = fold(events);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<QboLinkState.Event> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(fold(shuffled)).isEqualTo(inOrder);
        }
        assertThat(inOrder.linked()).isTrue();
        assertThat(inOrder.qboId()).isEqualTo("59");
        assertThat(inOrder.linkedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(inOrder.lastAttempt().operation()).isEqualTo(QboOperation.ERROR);
    }

    @Test
    void twoEventsAtTheSameMomentAreOrderedByTheirIdentifiers() {
        QboLinkState.Event first = event(0, "a", new QboLinked(ORG, QboEntity.CUSTOMER, CLIENT, "realm", "1",
                QboLinkOrigin.MATCHED));
        QboLinkState.Event second = event(0, "b", new QboUnlinked(ORG, QboEntity.CUSTOMER, CLIENT, "realm", "1",
                null));
        assertThat(fold(List.of(first, second))).isEqualTo(fold(List.of(second, first)));
        assertThat(fold(List.of(second, first)).linked()).isFalse();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        QboLinkState.Event linked = event(0, "a", new QboLinked(ORG, QboEntity.CUSTOMER, CLIENT, "realm", "1",
                QboLinkOrigin.CREATED));
        QboLinkState once = fold(List.of(linked));
        assertThat(once.apply(linked)).isSameAs(once);
    }

    @Test
    void anErrorStaysOpenUntilALaterAttemptSucceeds() {
        QboLinkState failed = fold(List.of(event(0, "a", attempt(QboOperation.ERROR,
                new QboFault("610", "Object Not Found", null, "ValidationFault")))));
        assertThat(failed.openError()).isTrue();
        assertThat(failed.linked()).isFalse();
        assertThat(failed.apply(event(1, "b", attempt(QboOperation.UPDATED, null))).openError()).isFalse();
        assertThat(failed.apply(event(1, "b", attempt(QboOperation.CONFLICT, null))).openError()).isTrue();
    }

    @Test
    void unlinkingAfterAnErrorDropsIt() {
        QboLinkState failed = fold(List.of(
                event(0, "a", new QboLinked(ORG, QboEntity.CUSTOMER, CLIENT, "realm", "1", QboLinkOrigin.CHOSEN)),
                event(1, "b", attempt(QboOperation.ERROR, new QboFault("6000", "No", null, null)))));
        assertThat(failed.openError()).isTrue();
        QboLinkState unlinked = failed.apply(event(2, "c",
                new QboUnlinked(ORG, QboEntity.CUSTOMER, CLIENT, "realm", "1", null)));
        assertThat(unlinked.openError()).isFalse();
        assertThat(unlinked.qboId()).isEqualTo("1");
    }

    @Test
    void anAttemptAboutNoLedgerlineRecordBelongsToNoRecord() {
        QboSyncAttempted orphan = new QboSyncAttempted(ORG, QboEntity.PAYMENT, null, "realm", "7", QboDirection.PULL,
                QboOperation.SKIPPED, null, null, null, null, null, null, null, "no invoice here");
        assertThat(QboLinkState.keyOf(orphan)).isEmpty();
        assertThat(QboLinkState.keyOf(attempt(QboOperation.CREATED, null))).contains(KEY);
    }

    @Test
    void timesAreKeptToTheMicrosecondAsTheDatabaseKeepsThem() {
        QboLinkState.Stamp stamp = new QboLinkState.Stamp(Instant.parse("2026-03-01T10:00:00.123456789Z"), "a");
        assertThat(stamp.at()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
    }

    private static QboSyncAttempted attempt(QboOperation operation, QboFault fault) {
        return new QboSyncAttempted(ORG, QboEntity.CUSTOMER, CLIENT, "realm", "58", QboDirection.PUSH, operation,
                "req-" + operation, 3L, "1", null, fault, "tid-1", "{\"DisplayName\":\"Acme\"}", null);
    }

    private static QboLinkState.Event event(int second, String id, Object payload) {
        return new QboLinkState.Event(new QboLinkState.Stamp(T0.plusSeconds(second), id), payload);
    }

    private static QboLinkState fold(List<QboLinkState.Event> events) {
        QboLinkState state = KEY.initial();
        for (QboLinkState.Event event : events) {
            state = state.apply(event);
        }
        return state;
    }
}
