package io.ledgerline.domain.client;

import io.ledgerline.domain.organization.BillingDefaults;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID NOTE = UUID.randomUUID();
    private static final UUID AUTHOR = UUID.randomUUID();
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final BillingSettings COMPLETE_BILLING =
            new BillingSettings(null, null, null, EUR, 14, new BigDecimal("19"), null);
    private static final ClientCreated CREATED = new ClientCreated(ORG, CLIENT, "Acme Corp", "ACME",
            ContactDetails.NONE, List.of(), COMPLETE_BILLING);

    private AggregateTestFixture<Client> fixture;
    private final Directory directory = new Directory();
    private final Obligations obligations = new Obligations();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(obligations);
        fixture.registerInjectableResource((BillingDefaultsSource) orgId ->
                new BillingDefaults(14, EUR, new BigDecimal("19")));
    }

    @Test
    void createsAClientWithATrimmedNameAndTheOrganizationsBillingDefaults() {
        fixture.givenNoPriorActivity()
                .when(new CreateClient(ORG, CLIENT, "  Acme Corp ", " ACME ", null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CREATED);
    }

    @Test
    void givenBillingFieldsWinOverTheDefaults() {
        BillingSettings given = new BillingSettings(" Ann ", "ap@acme.test", null, USD, null, null, "DE123");
        fixture.givenNoPriorActivity()
                .when(new CreateClient(ORG, CLIENT, "Acme Corp", "ACME", null, null, given))
                .expectEvents(new ClientCreated(ORG, CLIENT, "Acme Corp", "ACME", ContactDetails.NONE, List.of(),
                        new BillingSettings("Ann", "ap@acme.test", null, USD, 14, new BigDecimal("19"), "DE123")));
    }

    @Test
    void tagsAreTrimmedAndDedupedIgnoringCaseKeepingTheFirstSpelling() {
        fixture.givenNoPriorActivity()
                .when(new CreateClient(ORG, CLIENT, "Acme Corp", "ACME", null,
                        List.of(" VIP ", "vip", "Retail", "", "retail "), null))
                .expectEvents(new ClientCreated(ORG, CLIENT, "Acme Corp", "ACME", ContactDetails.NONE,
                        List.of("VIP", "Retail"), COMPLETE_BILLING));
    }

    @Test
    void cannotCreateAClientWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new CreateClient(ORG, CLIENT, "   ", "ACME", null, null, null))
                .expectException(violation("client.name_required"));
    }

    @Test
    void cannotCreateAClientWithoutACode() {
        fixture.givenNoPriorActivity()
                .when(new CreateClient(ORG, CLIENT, "Acme Corp", " ", null, null, null))
                .expectException(violation("client.code_required"));
    }

    @Test
    void cannotCreateAClientWithATakenName() {
        directory.names.put("acme corp", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new CreateClient(ORG, CLIENT, "ACME  corp", "ACME", null, null, null))
                .expectException(violation("client.name_taken"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateAClientWithATakenCode() {
        directory.codes.add("ACME");
        fixture.givenNoPriorActivity()
                .when(new CreateClient(ORG, CLIENT, "Acme Corp", "acme", null, null, null))
                .expectException(violation("client.code_taken"))
                .expectNoEvents();
    }

    @Test
    void updatesGeneralSettingsKeepingWhatIsNotGiven() {
        PostalAddress address = new PostalAddress("1 Main St", null, "Springfield", null, "12345", "US");
        fixture.given(new ClientCreated(ORG, CLIENT, "Acme Corp", "ACME",
                        new ContactDetails("old@acme.test", "555", null, null), List.of("vip"), COMPLETE_BILLING))
                .when(new UpdateClientGeneral(ORG, CLIENT, "Acme Corporation",
                        new ContactDetails(null, "", "https://acme.test", address), null))
                .expectEvents(new ClientGeneralSettingsChanged(ORG, CLIENT, "Acme Corporation",
                        new ContactDetails("old@acme.test", null, "https://acme.test", address), List.of("vip")));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(CREATED)
                .when(new UpdateClientGeneral(ORG, CLIENT, " Acme Corp ", null, List.of()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aClientMayChangeTheCaseOfItsOwnName() {
        directory.names.put("acme corp", CLIENT);
        fixture.given(CREATED)
                .when(new UpdateClientGeneral(ORG, CLIENT, "ACME Corp", null, null))
                .expectEvents(new ClientGeneralSettingsChanged(ORG, CLIENT, "ACME Corp", ContactDetails.NONE,
                        List.of()));
    }

    @Test
    void cannotRenameAClientToAnotherClientsName() {
        directory.names.put("globex", UUID.randomUUID());
        fixture.given(CREATED)
                .when(new UpdateClientGeneral(ORG, CLIENT, "Globex", null, null))
                .expectException(violation("client.name_taken"));
    }

    @Test
    void cannotBlankAClientsName() {
        fixture.given(CREATED)
                .when(new UpdateClientGeneral(ORG, CLIENT, "  ", null, null))
                .expectException(violation("client.name_required"));
    }

    @Test
    void cannotUpdateAClientOfAnotherOrganization() {
        fixture.given(CREATED)
                .when(new UpdateClientGeneral(UUID.randomUUID(), CLIENT, "Mine", null, null))
                .expectException(violation("client.not_found"));
    }

    @Test
    void aBillingChangeRecordsWhenItTakesEffect() {
        fixture.given(CREATED)
                .when(new UpdateClientBilling(ORG, CLIENT,
                        new BillingSettings("Ann", null, null, USD, 30, null, null)))
                .expectEvents(new ClientBillingChanged(ORG, CLIENT,
                        new BillingSettings("Ann", null, null, USD, 30, new BigDecimal("19"), null),
                        fixture.currentTime()));
    }

    @Test
    void aBillingChangeThatChangesNothingRecordsNothing() {
        fixture.given(CREATED)
                .when(new UpdateClientBilling(ORG, CLIENT,
                        new BillingSettings(null, null, null, EUR, 14, new BigDecimal("19.00"), null)))
                .expectNoEvents();
    }

    @Test
    void cannotChangeBillingOfAnotherOrganizationsClient() {
        fixture.given(CREATED)
                .when(new UpdateClientBilling(UUID.randomUUID(), CLIENT, COMPLETE_BILLING))
                .expectException(violation("client.not_found"));
    }

    @Test
    void deactivatesAnActiveClient() {
        fixture.given(CREATED)
                .when(new DeactivateClient(ORG, CLIENT))
                .expectEvents(new ClientDeactivated(ORG, CLIENT));
    }

    @Test
    void deactivatingAnInactiveClientRecordsNothing() {
        fixture.given(CREATED, new ClientDeactivated(ORG, CLIENT))
                .when(new DeactivateClient(ORG, CLIENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void activatesAnInactiveClient() {
        fixture.given(CREATED, new ClientDeactivated(ORG, CLIENT))
                .when(new ActivateClient(ORG, CLIENT))
                .expectEvents(new ClientActivated(ORG, CLIENT));
    }

    @Test
    void activatingAnActiveClientRecordsNothing() {
        fixture.given(CREATED)
                .when(new ActivateClient(ORG, CLIENT))
                .expectNoEvents();
    }

    @Test
    void cannotDeactivateAnotherOrganizationsClient() {
        fixture.given(CREATED)
                .when(new DeactivateClient(UUID.randomUUID(), CLIENT))
                .expectException(violation("client.not_found"));
    }

    @Test
    void addsANoteWithATrimmedBody() {
        fixture.given(CREATED)
                .when(new AddClientNote(ORG, CLIENT, NOTE, NoteType.MEETING, "  Kick-off went well. ", AUTHOR))
                .expectEvents(new ClientNoteAdded(ORG, CLIENT, NOTE, NoteType.MEETING, "Kick-off went well.", AUTHOR));
    }

    @Test
    void cannotAddANoteWithoutABody() {
        fixture.given(CREATED)
                .when(new AddClientNote(ORG, CLIENT, NOTE, NoteType.GENERAL, "  ", AUTHOR))
                .expectException(violation("client.note_body_required"));
    }

    @Test
    void cannotAddANoteLongerThanTenThousandCharacters() {
        fixture.given(CREATED)
                .when(new AddClientNote(ORG, CLIENT, NOTE, NoteType.GENERAL, "x".repeat(10_001), AUTHOR))
                .expectException(violation("client.note_too_long"));
    }

    @Test
    void cannotAddANoteToAnotherOrganizationsClient() {
        fixture.given(CREATED)
                .when(new AddClientNote(UUID.randomUUID(), CLIENT, NOTE, NoteType.GENERAL, "Hello", AUTHOR))
                .expectException(violation("client.not_found"));
    }

    @Test
    void editsANotesTypeKeepingItsBody() {
        fixture.given(CREATED, new ClientNoteAdded(ORG, CLIENT, NOTE, NoteType.GENERAL, "Called them", AUTHOR))
                .when(new EditClientNote(ORG, CLIENT, NOTE, NoteType.PHONE_CALL, null))
                .expectEvents(new ClientNoteEdited(ORG, CLIENT, NOTE, NoteType.PHONE_CALL, "Called them"));
    }

    @Test
    void cannotEditAnUnknownNote() {
        fixture.given(CREATED)
                .when(new EditClientNote(ORG, CLIENT, NOTE, NoteType.PHONE_CALL, "x"))
                .expectException(violation("client.note_not_found"));
    }

    @Test
    void cannotEditADeletedNote() {
        fixture.given(CREATED, new ClientNoteAdded(ORG, CLIENT, NOTE, NoteType.GENERAL, "Called them", AUTHOR),
                        new ClientNoteDeleted(ORG, CLIENT, NOTE))
                .when(new EditClientNote(ORG, CLIENT, NOTE, null, "Again"))
                .expectException(violation("client.note_not_found"));
    }

    @Test
    void deletesANote() {
        fixture.given(CREATED, new ClientNoteAdded(ORG, CLIENT, NOTE, NoteType.GENERAL, "Called them", AUTHOR))
                .when(new DeleteClientNote(ORG, CLIENT, NOTE))
                .expectEvents(new ClientNoteDeleted(ORG, CLIENT, NOTE));
    }

    @Test
    void cannotDeleteAnUnknownNote() {
        fixture.given(CREATED)
                .when(new DeleteClientNote(ORG, CLIENT, NOTE))
                .expectException(violation("client.note_not_found"));
    }

    @Test
    void deletesAClientWithoutActiveProjects() {
        fixture.given(CREATED)
                .when(new DeleteClient(ORG, CLIENT))
                .expectEvents(new ClientDeleted(ORG, CLIENT))
                .expectMarkedDeleted();
    }

    @Test
    void cannotDeleteAClientWithActiveProjects() {
        obligations.active.put(CLIENT, 2L);
        fixture.given(CREATED)
                .when(new DeleteClient(ORG, CLIENT))
                .expectException(violation("client.has_active_projects"))
                .expectNoEvents();
    }

    @Test
    void cannotDeleteAClientWithUnpaidInvoices() {
        obligations.unpaid.put(CLIENT, 1L);
        fixture.given(CREATED)
                .when(new DeleteClient(ORG, CLIENT))
                .expectException(violation("client.has_unpaid_invoices"))
                .expectNoEvents();
    }

    @Test
    void cannotDeleteAClientWithInvoiceDrafts() {
        obligations.drafts.put(CLIENT, 1L);
        fixture.given(CREATED)
                .when(new DeleteClient(ORG, CLIENT))
                .expectException(violation("client.has_invoice_drafts"))
                .expectNoEvents();
    }

    @Test
    void cannotDeleteAnotherOrganizationsClient() {
        fixture.given(CREATED)
                .when(new DeleteClient(UUID.randomUUID(), CLIENT))
                .expectException(violation("client.not_found"));
    }

    @Test
    void aDeletedClientTakesNoMoreCommands() {
        fixture.given(CREATED, new ClientDeleted(ORG, CLIENT))
                .when(new DeactivateClient(ORG, CLIENT))
                .expectException(AggregateDeletedException.class);
    }

    private static org.hamcrest.Matcher<BusinessRuleViolation> violation(String code) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation item) {
                return item.code().equals(code);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a business rule violation " + code);
            }
        };
    }

    /** Names and codes of other clients, as the command-side registry would know them. */
    private static final class Directory implements ClientDirectory {

        /** name key → the client that has it */
        final Map<String, UUID> names = new HashMap<>();
        final Set<String> codes = new HashSet<>();

        @Override
        public boolean nameTaken(UUID orgId, String name, UUID exceptClientId) {
            UUID owner = names.get(name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
            return owner != null && !owner.equals(exceptClientId);
        }

        @Override
        public boolean codeTaken(UUID orgId, String code) {
            return codes.contains(code.trim().toUpperCase(Locale.ROOT));
        }

        @Override
        public Optional<ClientStanding> standing(UUID orgId, UUID clientId) {
            return Optional.empty();
        }
    }

    private static final class Obligations implements ClientObligations {

        final Map<UUID, Long> active = new HashMap<>();
        final Map<UUID, Long> unpaid = new HashMap<>();
        final Map<UUID, Long> drafts = new HashMap<>();

        @Override
        public long activeProjects(UUID orgId, UUID clientId) {
            return active.getOrDefault(clientId, 0L);
        }

        @Override
        public long unpaidInvoices(UUID orgId, UUID clientId) {
            return unpaid.getOrDefault(clientId, 0L);
        }

        @Override
        public long invoiceDrafts(UUID orgId, UUID clientId) {
            return drafts.getOrDefault(clientId, 0L);
        }
    }
}
