package io.ledgerline.domain.qbo;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QboConnectionTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID ID = QboConnection.idOf(ORG);
    private static final UUID ADMIN = UUID.randomUUID();
    private static final String REALM = "9130350000000001";
    private static final String OTHER_REALM = "9130350000000002";
    private static final QboConnected CONNECTED = new QboConnected(ORG, REALM, "Acme Books", ADMIN, false);
    private static final QboFault COMPANY_STATUS = new QboFault("6190", "Invalid Company Status", "Subscription ended",
            "ValidationFault");
    private static final Instant SINCE = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant CHECKPOINT = Instant.parse("2026-11-01T10:15:00Z");

    private AggregateTestFixture<QboConnection> fixture;
    private final Links links = new Links();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(QboConnection.class);
        fixture.registerInjectableResource(links);
    }

    @Test
    void theFirstConnectCreatesTheConnection() {
        fixture.givenNoPriorActivity()
                .when(new ConnectQbo(ORG, ID, REALM, "Acme Books", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CONNECTED);
    }

    @Test
    void reconnectingToTheSameCompanyAfterExpiryIsAReconnect() {
        fixture.given(CONNECTED, new QboConnectionExpired(ORG, REALM, "invalid_grant"))
                .when(new ConnectQbo(ORG, ID, REALM, "Acme Books", ADMIN))
                .expectEvents(new QboConnected(ORG, REALM, "Acme Books", ADMIN, true));
    }

    @Test
    void reconnectingKeepsTheSettings() {
        QboSettings chosen = new QboSettings(false, true, true);
        fixture.given(CONNECTED, new QboSettingsChanged(ORG, chosen), new QboDisconnected(ORG, REALM, ADMIN, true),
                        new QboConnected(ORG, REALM, "Acme Books", ADMIN, true))
                .when(new ChangeQboSettings(ORG, ID, chosen))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotConnectAnotherCompanyWhileRecordsAreLinkedToTheFirst() {
        links.linkedRealms.add(REALM);
        fixture.given(CONNECTED, new QboDisconnected(ORG, REALM, ADMIN, true))
                .when(new ConnectQbo(ORG, ID, OTHER_REALM, "Other Books", ADMIN))
                .expectNoEvents()
                .expectException(violation("qbo.realm_mismatch"));
    }

    @Test
    void cannotConnectAnotherCompanyWhenLinksSurviveFromBeforeTheConnection() {
        links.linkedRealms.add(REALM);
        fixture.givenNoPriorActivity()
                .when(new ConnectQbo(ORG, ID, OTHER_REALM, "Other Books", ADMIN))
                .expectException(violation("qbo.realm_mismatch"));
    }

    @Test
    void anotherCompanyMayBeConnectedWhenNothingIsLinked() {
        fixture.given(CONNECTED, new QboDisconnected(ORG, REALM, ADMIN, false))
                .when(new ConnectQbo(ORG, ID, OTHER_REALM, "Other Books", ADMIN))
                .expectEvents(new QboConnected(ORG, OTHER_REALM, "Other Books", ADMIN, false));
    }

    @Test
    void aConnectNeedsTheCompany() {
        fixture.givenNoPriorActivity()
                .when(new ConnectQbo(ORG, ID, " ", null, ADMIN))
                .expectException(violation("qbo.realm_required"));
    }

    @Test
    void aConnectionBelongsToItsOrganization() {
        UUID otherOrg = UUID.randomUUID();
        fixture.given(CONNECTED)
                .when(new ConnectQbo(otherOrg, ID, REALM, null, ADMIN))
                .expectException(violation("qbo.not_connected"));
    }

    @Test
    void aConnectionIdIsDerivedFromItsOrganization() {
        fixture.givenNoPriorActivity()
                .when(new ConnectQbo(ORG, UUID.randomUUID(), REALM, null, ADMIN))
                .expectException(violation("qbo.not_connected"));
    }

    @Test
    void refusedTokensExpireTheConnection() {
        fixture.given(CONNECTED)
                .when(new MarkQboConnectionExpired(ORG, ID, REALM, "invalid_grant"))
                .expectEvents(new QboConnectionExpired(ORG, REALM, "invalid_grant"));
    }

    @Test
    void anExpiredConnectionExpiresOnlyOnce() {
        fixture.given(CONNECTED, new QboConnectionExpired(ORG, REALM, "invalid_grant"))
                .when(new MarkQboConnectionExpired(ORG, ID, REALM, "invalid_grant"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDisconnectedConnectionDoesNotExpire() {
        fixture.given(CONNECTED, new QboDisconnected(ORG, REALM, ADMIN, true))
                .when(new MarkQboConnectionExpired(ORG, ID, REALM, "invalid_grant"))
                .expectNoEvents();
    }

    @Test
    void tokensOfACompanyLeftSinceDoNotExpireTheNewConnection() {
        fixture.given(CONNECTED, new QboConnected(ORG, OTHER_REALM, "Other Books", ADMIN, false))
                .when(new MarkQboConnectionExpired(ORG, ID, REALM, "invalid_grant"))
                .expectNoEvents();
    }

    @Test
    void anErrorExpiresToo() {
        fixture.given(CONNECTED, new QboConnectionFailed(ORG, REALM, COMPANY_STATUS))
                .when(new MarkQboConnectionExpired(ORG, ID, REALM, "invalid_grant"))
                .expectEvents(new QboConnectionExpired(ORG, REALM, "invalid_grant"));
    }

    @Test
    void aFailureSetsTheConnectionInError() {
        fixture.given(CONNECTED)
                .when(new RecordQboConnectionFailure(ORG, ID, REALM, COMPANY_STATUS))
                .expectEvents(new QboConnectionFailed(ORG, REALM, COMPANY_STATUS));
    }

    @Test
    void theSameFailureTwiceIsRecordedOnce() {
        fixture.given(CONNECTED, new QboConnectionFailed(ORG, REALM, COMPANY_STATUS))
                .when(new RecordQboConnectionFailure(ORG, ID, REALM, COMPANY_STATUS))
                .expectNoEvents();
    }

    @Test
    void aNewFailureIsRecordedWhileInError() {
        QboFault keys = new QboFault("3100", "ApplicationAuthorizationFailed", null, "AUTHENTICATION");
        fixture.given(CONNECTED, new QboConnectionFailed(ORG, REALM, COMPANY_STATUS))
                .when(new RecordQboConnectionFailure(ORG, ID, REALM, keys))
                .expectEvents(new QboConnectionFailed(ORG, REALM, keys));
    }

    @Test
    void anExpiredConnectionDoesNotFail() {
        fixture.given(CONNECTED, new QboConnectionExpired(ORG, REALM, "invalid_grant"))
                .when(new RecordQboConnectionFailure(ORG, ID, REALM, COMPANY_STATUS))
                .expectNoEvents();
    }

    @Test
    void aFailureNeedsTheFault() {
        fixture.given(CONNECTED)
                .when(new RecordQboConnectionFailure(ORG, ID, REALM, null))
                .expectException(violation("qbo.fault_required"));
    }

    @Test
    void disconnectingRecordsWhetherIntuitRevoked() {
        fixture.given(CONNECTED)
                .when(new DisconnectQbo(ORG, ID, ADMIN, false))
                .expectEvents(new QboDisconnected(ORG, REALM, ADMIN, false));
    }

    @Test
    void anExpiredConnectionCanBeDisconnected() {
        fixture.given(CONNECTED, new QboConnectionExpired(ORG, REALM, "invalid_grant"))
                .when(new DisconnectQbo(ORG, ID, ADMIN, false))
                .expectEvents(new QboDisconnected(ORG, REALM, ADMIN, false));
    }

    @Test
    void disconnectingTwiceChangesNothing() {
        fixture.given(CONNECTED, new QboDisconnected(ORG, REALM, ADMIN, true))
                .when(new DisconnectQbo(ORG, ID, ADMIN, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherOrganizationCannotDisconnect() {
        fixture.given(CONNECTED)
                .when(new DisconnectQbo(UUID.randomUUID(), ID, ADMIN, true))
                .expectException(violation("qbo.not_connected"));
    }

    @Test
    void settingsChange() {
        QboSettings wanted = new QboSettings(true, true, true);
        fixture.given(CONNECTED)
                .when(new ChangeQboSettings(ORG, ID, wanted))
                .expectEvents(new QboSettingsChanged(ORG, wanted));
    }

    @Test
    void unchangedSettingsRecordNothing() {
        fixture.given(CONNECTED)
                .when(new ChangeQboSettings(ORG, ID, QboSettings.DEFAULTS))
                .expectNoEvents();
    }

    @Test
    void pushOnFinalizeNeedsInvoiceSync() {
        fixture.given(CONNECTED)
                .when(new ChangeQboSettings(ORG, ID, new QboSettings(true, false, true)))
                .expectException(violation("qbo.push_on_finalize_needs_invoice_sync"));
    }

    @Test
    void settingsAreRequired() {
        fixture.given(CONNECTED)
                .when(new ChangeQboSettings(ORG, ID, null))
                .expectException(violation("qbo.settings_required"));
    }

    @Test
    void aPullIsRecorded() {
        fixture.given(CONNECTED)
                .when(new RecordQboChangesPulled(ORG, ID, REALM, SINCE, CHECKPOINT, 3, false, false))
                .expectEvents(new QboChangesPulled(ORG, REALM, SINCE, CHECKPOINT, 3, false, false));
    }

    @Test
    void aPullClearsAnError() {
        fixture.given(CONNECTED, new QboConnectionFailed(ORG, REALM, COMPANY_STATUS),
                        new QboChangesPulled(ORG, REALM, SINCE, CHECKPOINT, 0, false, false))
                .when(new RecordQboConnectionFailure(ORG, ID, REALM, COMPANY_STATUS))
                .expectEvents(new QboConnectionFailed(ORG, REALM, COMPANY_STATUS));
    }

    @Test
    void aPullAfterADisconnectIsNotRecorded() {
        fixture.given(CONNECTED, new QboDisconnected(ORG, REALM, ADMIN, true))
                .when(new RecordQboChangesPulled(ORG, ID, REALM, SINCE, CHECKPOINT, 3, true, true))
                .expectNoEvents();
    }

    @Test
    void aPullOfACompanyLeftSinceIsNotRecorded() {
        fixture.given(CONNECTED, new QboConnected(ORG, OTHER_REALM, "Other Books", ADMIN, false))
                .when(new RecordQboChangesPulled(ORG, ID, REALM, SINCE, CHECKPOINT, 3, false, false))
                .expectNoEvents();
    }

    private static Matcher<BusinessRuleViolation> violation(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation item) {
                return item.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a business rule violation " + code);
            }
        };
    }

    private static final class Links implements QboLinks {

        final Set<String> linkedRealms = new HashSet<>();

        @Override
        public Optional<QboLinkRef> linkOf(UUID orgId, QboEntity entity, UUID localId) {
            return Optional.empty();
        }

        @Override
        public Optional<UUID> localIdOf(UUID orgId, QboEntity entity, String realmId, String qboId) {
            return Optional.empty();
        }

        @Override
        public boolean anyLinkedOutside(UUID orgId, String realmId) {
            return linkedRealms.stream().anyMatch(realm -> !realm.equals(realmId));
        }
    }
}
