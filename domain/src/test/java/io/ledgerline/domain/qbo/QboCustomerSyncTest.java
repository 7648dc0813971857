package io.ledgerline.domain.qbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.domain.client.BillingSettings;
import io.ledgerline.domain.client.ContactDetails;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QboCustomerSyncTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final String REALM = "9130";
    private static final Instant LINKED_AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant CLIENT_CHANGED_AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final BillingSettings BILLING =
            new BillingSettings(null, null, null, Currency.getInstance("EUR"), 14, BigDecimal.ZERO, null);

    private AggregateTestFixture<QboCustomerSync> fixture;
    private final Policy policy = new Policy();
    private final Profiles clients = new Profiles();
    private final Gateway gateway = new Gateway();
    private final Updates updates = new Updates();
    private final Links links = new Links();

    private static final QboLinked LINKED =
            new QboLinked(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58", QboLinkOrigin.CHOSEN);
    private static final QboSyncAttempted LINK_ATTEMPT = new QboSyncAttempted(ORG, QboEntity.CUSTOMER, CLIENT, REALM,
            "58", QboDirection.PULL, QboOperation.LINKED, null, 0L, "1", LINKED_AT, null, null, null,
            "Linked to QuickBooks customer \u201CAcme\u201D by choice.");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(QboCustomerSync.class);
        fixture.registerInjectableResource(policy);
        fixture.registerInjectableResource(clients);
        fixture.registerInjectableResource(gateway);
        fixture.registerInjectableResource(updates);
        fixture.registerInjectableResource(links);
        clients.profile = profile("Acme", "ap@acme.test", 0, LINKED_AT.minusSeconds(60));
    }

    @Test
    void linksAChosenCustomerAndRecordsTheLinkInTheSyncLog() {
        gateway.customers.put("58", customer("58", "Acme", "ap@acme.test", LINKED_AT));
        fixture.givenNoPriorActivity()
                .when(new LinkClientToQbo(ORG, CLIENT, "58"))
                .expectEvents(LINKED, LINK_ATTEMPT);
    }

    @Test
    void cannotLinkACustomerQuickBooksDoesNotHave() {
        fixture.givenNoPriorActivity()
                .when(new LinkClientToQbo(ORG, CLIENT, "404"))
                .expectException(violation("qbo.customer_not_found"))
                .expectNoEvents();
    }

    @Test
    void cannotLinkACustomerAnotherClientIsLinkedTo() {
        gateway.customers.put("58", customer("58", "Acme", null, LINKED_AT));
        links.linked.put("58", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new LinkClientToQbo(ORG, CLIENT, "58"))
                .expectException(violation("qbo.linked_elsewhere"));
    }

    @Test
    void cannotLinkASecondCustomerToALinkedClient() {
        gateway.customers.put("59", customer("59", "Acme", null, LINKED_AT));
        fixture.given(LINKED, LINK_ATTEMPT)
                .when(new LinkClientToQbo(ORG, CLIENT, "59"))
                .expectException(violation("qbo.already_linked"));
    }

    @Test
    void linkingTheSameCustomerAgainChangesNothing() {
        fixture.given(LINKED, LINK_ATTEMPT)
                .when(new LinkClientToQbo(ORG, CLIENT, "58"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotLinkWhileQuickBooksIsNotConnected() {
        policy.active = null;
        fixture.givenNoPriorActivity()
                .when(new LinkClientToQbo(ORG, CLIENT, "58"))
                .expectException(violation("qbo.not_connected"));
    }

    @Test
    void cannotPushWhileCustomerSyncIsTurnedOff() {
        policy.active = new QboSyncPolicy.ActiveQbo(REALM, new QboSettings(false, true, false));
        fixture.givenNoPriorActivity()
                .when(new PushClientToQbo(ORG, CLIENT, false))
                .expectException(violation("qbo.customer_sync_disabled"));
    }

    @Test
    void cannotPushAClientThatDoesNotExist() {
        clients.profile = null;
        fixture.givenNoPriorActivity()
                .when(new PushClientToQbo(ORG, CLIENT, false))
                .expectException(violation("client.not_found"));
    }

    @Test
    void aPushThatCreatesTheCustomerLinksTheClient() {
        gateway.outcome = new QboCustomerPushOutcome(QboOperation.CREATED, "61", QboLinkOrigin.CREATED, "req-1", "0",
                LINKED_AT, null, "tid-1", "{\"DisplayName\":\"Acme\"}", null);
        fixture.givenNoPriorActivity()
                .when(new PushClientToQbo(ORG, CLIENT, false))
                .expectEvents(new QboLinked(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "61", QboLinkOrigin.CREATED),
                        new QboSyncAttempted(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "61", QboDirection.PUSH,
                                QboOperation.CREATED, "req-1", 0L, "0", LINKED_AT, null, "tid-1",
                                "{\"DisplayName\":\"Acme\"}", null));
        assertThat(gateway.pushedTo).containsExactly((String) null);
    }

    @Test
    void aPushOfALinkedClientUpdatesItsCustomer() {
        clients.profile = profile("Acme", "new@acme.test", 3, CLIENT_CHANGED_AT);
        gateway.outcome = new QboCustomerPushOutcome(QboOperation.UPDATED, "58", null, "req-2", "1",
                CLIENT_CHANGED_AT, null, "tid-2", "{}", null);
        fixture.given(LINKED, LINK_ATTEMPT)
                .when(new PushClientToQbo(ORG, CLIENT, true))
                .expectEvents(new QboSyncAttempted(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58", QboDirection.PUSH,
                        QboOperation.UPDATED, "req-2", 3L, "1", CLIENT_CHANGED_AT, null, "tid-2", "{}", null));
        assertThat(gateway.pushedTo).containsExactly("58");
    }

    @Test
    void theAutomaticPushSkipsAClientThatDidNotChangeSinceTheLastSync() {
        fixture.given(LINKED, LINK_ATTEMPT)
                .when(new PushClientToQbo(ORG, CLIENT, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(gateway.pushedTo).isEmpty();
    }

    @Test
    void aDeferredPushLeavesTheClientDueForTheNextPush() {
        clients.profile = profile("Acme", "new@acme.test", 3, CLIENT_CHANGED_AT);
        gateway.outcome = new QboCustomerPushOutcome(QboOperation.DEFERRED, "58", null, "req-2", null, null,
                new QboFault("3001", "ThrottleExceeded", null, null), null, "{}", "QuickBooks is throttling.");
        QboSyncAttempted deferred = new QboSyncAttempted(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58",
                QboDirection.PUSH, QboOperation.DEFERRED, "req-2", 3L, null, null,
                new QboFault("3001", "ThrottleExceeded", null, null), null, "{}", "QuickBooks is throttling.");
        fixture.given(LINKED, LINK_ATTEMPT, deferred)
                .when(new PushClientToQbo(ORG, CLIENT, true))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        operation(QboOperation.DEFERRED), Matchers.andNoMore())));
    }

    @Test
    void unlinkingRecordsTheUnlinkAndKeepsBothRecords() {
        fixture.given(LINKED, LINK_ATTEMPT)
                .when(new UnlinkClientFromQbo(ORG, CLIENT, null))
                .expectEvents(new QboUnlinked(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58", "Unlinked by choice."),
                        new QboSyncAttempted(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58", QboDirection.PUSH,
                                QboOperation.UNLINKED, null, null, null, null, null, null, null,
                                "Unlinked by choice. Both records stay as they are."));
    }

    @Test
    void cannotUnlinkAClientThatIsNotLinked() {
        fixture.given(LINKED, LINK_ATTEMPT, new QboUnlinked(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58", "x"))
                .when(new UnlinkClientFromQbo(ORG, CLIENT, null))
                .expectException(violation("qbo.not_linked"));
    }

    @Test
    void anotherOrganizationCannotTouchTheSync() {
        fixture.given(LINKED, LINK_ATTEMPT)
                .when(new UnlinkClientFromQbo(UUID.randomUUID(), CLIENT, null))
                .expectException(violation("client.not_found"));
    }

    @Test
    void aNewerQuickBooksVersionIsTakenOverWhenTheClientDidNotChange() {
        Instant later = LINKED_AT.plusSeconds(3600);
        updates.result = new QboClientUpdates.Applied(1, true, null);
        fixture.given(LINKED, LINK_ATTEMPT)
                .when(new ApplyQboCustomerChange(ORG, CLIENT, REALM, customer("58", "Acme", "billing@acme.test", later)))
                .expectEvents(new QboSyncAttempted(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58", QboDirection.PULL,
                        QboOperation.UPDATED, null, 1L, "1", later, null, null, null,
                        "Taken over from QuickBooks: e-mail: \u201Cap@acme.test\u201D / \u201Cbilling@acme.test\u201D."));
        assertThat(updates.applied).hasSize(1);
    }

    @Test
    void aChangeNoNewerThanTheLastAppliedChangesNothing() {
        fixture.given(LINKED, LINK_ATTEMPT)
                .when(new ApplyQboCustomerChange(ORG, CLIENT, REALM, customer("58", "Other", null, LINKED_AT)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(updates.applied).isEmpty();
    }

    @Test
    void anOlderChangeArrivingAfterANewerOneChangesNothing() {
        Instant newer = LINKED_AT.plusSeconds(7200);
        QboSyncAttempted pulledNewer = new QboSyncAttempted(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58",
                QboDirection.PULL, QboOperation.UPDATED, null, 1L, "2", newer, null, null, null, "x");
        fixture.given(LINKED, LINK_ATTEMPT, pulledNewer)
                .when(new ApplyQboCustomerChange(ORG, CLIENT, REALM,
                        customer("58", "Older", null, LINKED_AT.plusSeconds(3600))))
                .expectNoEvents();
        assertThat(updates.applied).isEmpty();
    }

    @Test
    void whenBothChangedTheNewerQuickBooksChangeWinsAndTheOverwriteIsRecorded() {
        clients.profile = profile("Acme", "local@acme.test", 2, CLIENT_CHANGED_AT);
        Instant later = CLIENT_CHANGED_AT.plusSeconds(60);
        updates.result = new QboClientUpdates.Applied(3, true, null);
        fixture.given(LINKED, LINK_ATTEMPT)
                .when(new ApplyQboCustomerChange(ORG, CLIENT, REALM, customer("58", "Acme", "qbo@acme.test", later)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        attempt(QboDirection.PULL, QboOperation.CONFLICT, "\u201Clocal@acme.test\u201D"),
                        Matchers.andNoMore())));
        assertThat(updates.applied).hasSize(1);
        assertThat(gateway.pushedTo).isEmpty();
    }

    @Test
    void whenBothChangedTheNewerLedgerlineChangeWinsAndIsPushed() {
        clients.profile = profile("Acme", "local@acme.test", 2, CLIENT_CHANGED_AT);
        Instant earlier = CLIENT_CHANGED_AT.minusSeconds(60);
        gateway.outcome = new QboCustomerPushOutcome(QboOperation.UPDATED, "58", null, "req", "2",
                CLIENT_CHANGED_AT.plusSeconds(1), null, null, "{}", null);
        fixture.given(LINKED, LINK_ATTEMPT)
                .when(new ApplyQboCustomerChange(ORG, CLIENT, REALM, customer("58", "Acme", "qbo@acme.test", earlier)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        attempt(QboDirection.PUSH, QboOperation.CONFLICT, "\u201Cqbo@acme.test\u201D"),
                        attempt(QboDirection.PUSH, QboOperation.UPDATED, null),
                        Matchers.andNoMore())));
        assertThat(updates.applied).isEmpty();
        assertThat(gateway.pushedTo).containsExactly("58");
    }

    @Test
    void anInactiveCustomerIsRecordedAndTheClientStays() {
        Instant later = LINKED_AT.plusSeconds(60);
        QboCustomer inactive = new QboCustomer("58", "1", later, false, "Acme", null, null, null, null, null, null,
                null, null);
        fixture.given(LINKED, LINK_ATTEMPT)
                .when(new ApplyQboCustomerChange(ORG, CLIENT, REALM, inactive))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        attempt(QboDirection.PULL, QboOperation.SKIPPED, "inactive"), Matchers.andNoMore())));
        assertThat(updates.applied).isEmpty();
    }

    @Test
    void aChangeForAnotherCustomerOrAfterTheUnlinkIsIgnored() {
        fixture.given(LINKED, LINK_ATTEMPT, new QboUnlinked(ORG, QboEntity.CUSTOMER, CLIENT, REALM, "58", "x"))
                .when(new ApplyQboCustomerChange(ORG, CLIENT, REALM,
                        customer("58", "Acme", null, LINKED_AT.plusSeconds(60))))
                .expectNoEvents();
    }

    private QboCustomer customer(String id, String name, String email, Instant updatedAt) {
        return new QboCustomer(id, "1", updatedAt, true, name, null, null, null, email, null, null, null, null);
    }

    private QboClientProfile profile(String name, String email, long version, Instant changedAt) {
        return new QboClientProfile(CLIENT, name, new ContactDetails(email, null, null, null), BILLING, true, version,
                changedAt);
    }

    private static Matcher<Object> operation(QboOperation operation) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof QboSyncAttempted attempt && attempt.operation() == operation;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("an attempt " + operation);
            }
        };
    }

    private static Matcher<Object> attempt(QboDirection direction, QboOperation operation, String noteContains) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof QboSyncAttempted attempt && attempt.direction() == direction
                        && attempt.operation() == operation
                        && (noteContains == null || attempt.note().contains(noteContains));
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText(direction + " " + operation + " noting " + noteContains);
            }
        };
    }

    private static Matcher<?> violation(String code) {
        return new TypeSafeMatcher<BusinessRuleViolation>() {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation item) {
                return item.code().equals(code);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a violation " + code);
            }
        };
    }

    static class Policy implements QboSyncPolicy {
        ActiveQbo active = new ActiveQbo(REALM, QboSettings.DEFAULTS);

        @Override
        public Optional<ActiveQbo> active(UUID orgId) {
            return Optional.ofNullable(active);
        }
    }

    static class Profiles implements QboClientProfiles {
        QboClientProfile profile;

        @Override
        public Optional<QboClientProfile> current(UUID orgId, UUID clientId) {
            return Optional.ofNullable(profile);
        }
    }

    static class Gateway implements QboCustomerGateway {
        final Map<String, QboCustomer> customers = new HashMap<>();
        final List<String> pushedTo = new ArrayList<>();
        QboCustomerPushOutcome outcome;

        @Override
        public Optional<QboCustomer> find(UUID orgId, String qboCustomerId) {
            return Optional.ofNullable(customers.get(qboCustomerId));
        }

        @Override
        public QboCustomerPushOutcome push(UUID orgId, String realmId, QboClientProfile client, String linkedQboId) {
            pushedTo.add(linkedQboId);
            return outcome;
        }
    }

    static class Updates implements QboClientUpdates {
        final List<QboCustomer> applied = new ArrayList<>();
        Applied result;

        @Override
        public Applied apply(UUID orgId, UUID clientId, QboCustomer customer) {
            applied.add(customer);
            return result;
        }
    }

    static class Links implements QboLinks {
        final Map<String, UUID> linked = new HashMap<>();

        @Override
        public Optional<QboLinkRef> linkOf(UUID orgId, QboEntity entity, UUID localId) {
            return Optional.empty();
        }

        @Override
        public Optional<UUID> localIdOf(UUID orgId, QboEntity entity, String realmId, String qboId) {
            return Optional.ofNullable(linked.get(qboId));
        }

        @Override
        public boolean anyLinkedOutside(UUID orgId, String realmId) {
            return false;
        }
    }
}
