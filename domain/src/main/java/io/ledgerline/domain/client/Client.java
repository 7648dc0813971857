package io.ledgerline.domain.client;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.ledgerline.domain.organization.BillingDefaults;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A company or person the organization delivers services to: its general settings, billing settings, standing
 * and notes. Updates are partial: a {@code null} field keeps its value, a blank text clears it.
 */
@Aggregate
public class Client {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_CODE_LENGTH = 64;
    public static final int MAX_NOTE_LENGTH = 10_000;

    @AggregateIdentifier
    private UUID clientId;
    private UUID orgId;
    private String name;
    private ContactDetails contact;
    private List<String> tags;
    private BillingSettings billing;
    private boolean active;
    private final Map<UUID, Note> notes = new HashMap<>();

    private record Note(NoteType type, String body) {
    }

    protected Client() {
        // for Axon
    }

    @CommandHandler
    public Client(CreateClient command, ClientDirectory directory, BillingDefaultsSource defaults) {
        String name = requireName(command.name());
        String code = requireCode(command.code());
        if (directory.nameTaken(command.orgId(), name, null)) {
            throw nameTaken();
        }
        if (directory.codeTaken(command.orgId(), code)) {
            throw BusinessRuleViolation.conflict("client.code_taken",
                    "Another client of your organization already has this code.");
        }
        ContactDetails contact = tidy(command.contact() == null ? ContactDetails.NONE : command.contact());
        BillingSettings billing = completeBilling(command.billing(), defaults.defaultsFor(command.orgId()));
        apply(new ClientCreated(command.orgId(), command.clientId(), name, code, contact,
                normalizeTags(command.tags()), billing));
    }

    @CommandHandler
    public void handle(UpdateClientGeneral command, ClientDirectory directory) {
        requireSameOrganization(command);
        String newName = command.name() == null ? name : requireName(command.name());
        if (!Names.normalize(newName).equals(Names.normalize(name))
                && directory.nameTaken(orgId, newName, clientId)) {
            throw nameTaken();
        }
        ContactDetails newContact = command.contact() == null ? contact : merge(contact, command.contact());
        List<String> newTags = command.tags() == null ? tags : normalizeTags(command.tags());
        if (!newName.equals(name) || !newContact.equals(contact) || !newTags.equals(tags)) {
            apply(new ClientGeneralSettingsChanged(orgId, clientId, newName, newContact, newTags));
        }
    }

    @CommandHandler
    public void handle(UpdateClientBilling command) {
        requireSameOrganization(command);
        if (command.billing() == null) {
            return;
        }
        BillingSettings merged = merge(billing, command.billing());
        if (!merged.equals(billing)) {
            // The event carries its own effective time, so an invoice can pick the settings in force when it was
            // created without consulting message metadata. Axon's event clock keeps it equal to the event's timestamp.
            apply(new ClientBillingChanged(orgId, clientId, merged, GenericEventMessage.clock.instant()));
        }
    }

    @CommandHandler
    public void handle(DeactivateClient command) {
        requireSameOrganization(command);
        if (active) {
            apply(new ClientDeactivated(orgId, clientId));
        }
    }

    @CommandHandler
    public void handle(ActivateClient command) {
        requireSameOrganization(command);
        if (!active) {
            apply(new ClientActivated(orgId, clientId));
        }
    }

    @CommandHandler
    public void handle(AddClientNote command) {
        requireSameOrganization(command);
        if (command.noteId() == null || notes.containsKey(command.noteId())) {
            throw BusinessRuleViolation.conflict("client.note_exists", "A note with this id already exists.");
        }
        if (command.type() == null) {
            throw BusinessRuleViolation.unprocessable("client.note_type_required", "A note needs a type.");
        }
        apply(new ClientNoteAdded(orgId, clientId, command.noteId(), command.type(), requireNoteBody(command.body()),
                command.authorId()));
    }

    @CommandHandler
    public void handle(EditClientNote command) {
        requireSameOrganization(command);
        Note note = requireNote(command.noteId());
        NoteType type = command.type() == null ? note.type() : command.type();
        String body = command.body() == null ? note.body() : requireNoteBody(command.body());
        if (type != note.type() || !body.equals(note.body())) {
            apply(new ClientNoteEdited(orgId, clientId, command.noteId(), type, body));
        }
    }

    @CommandHandler
    public void handle(DeleteClientNote command) {
        requireSameOrganization(command);
        requireNote(command.noteId());
        apply(new ClientNoteDeleted(orgId, clientId, command.noteId()));
    }

    @CommandHandler
    public void handle(DeleteClient command, ClientObligations obligations) {
        requireSameOrganization(command);
        long activeProjects = obligations.activeProjects(orgId, clientId);
        if (activeProjects > 0) {
            throw BusinessRuleViolation.conflict("client.has_active_projects",
                    "The client has " + activeProjects + " active project(s): complete or archive them first, "
                            + "or deactivate the client instead.");
        }
        long unpaidInvoices = obligations.unpaidInvoices(orgId, clientId);
        if (unpaidInvoices > 0) {
            throw BusinessRuleViolation.conflict("client.has_unpaid_invoices",
                    "The client has " + unpaidInvoices + " unpaid invoice(s): record their payments or void them "
                            + "first, or deactivate the client instead.");
        }
        long drafts = obligations.invoiceDrafts(orgId, clientId);
        if (drafts > 0) {
            throw BusinessRuleViolation.conflict("client.has_invoice_drafts",
                    "The client has " + drafts + " invoice draft(s): finalize or delete them first.");
        }
        apply(new ClientDeleted(orgId, clientId));
    }

    private void requireSameOrganization(OrgScoped command) {
        if (!orgId.equals(command.orgId())) {
            throw BusinessRuleViolation.notFound("client.not_found", "No such client.");
        }
    }

    private Note requireNote(UUID noteId) {
        Note note = noteId == null ? null : notes.get(noteId);
        if (note == null) {
            throw BusinessRuleViolation.notFound("client.note_not_found", "The client has no such note.");
        }
        return note;
    }

    private static BusinessRuleViolation nameTaken() {
        return BusinessRuleViolation.conflict("client.name_taken",
                "Another client of your organization already has this name.");
    }

    private static String requireName(String raw) {
        String tidy = Names.tidy(raw);
        if (tidy == null) {
            throw BusinessRuleViolation.unprocessable("client.name_required", "A client needs a name.");
        }
        if (tidy.length() > MAX_NAME_LENGTH) {
            throw BusinessRuleViolation.unprocessable("client.name_too_long",
                    "A client's name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        return tidy;
    }

    private static String requireCode(String raw) {
        String tidy = Names.tidy(raw);
        if (tidy == null) {
            throw BusinessRuleViolation.unprocessable("client.code_required", "A client needs a code.");
        }
        if (tidy.length() > MAX_CODE_LENGTH) {
            throw BusinessRuleViolation.unprocessable("client.code_too_long",
                    "A client's code has at most " + MAX_CODE_LENGTH + " characters.");
        }
        return tidy;
    }

    private static String requireNoteBody(String raw) {
        String tidy = Names.tidy(raw);
        if (tidy == null) {
            throw BusinessRuleViolation.unprocessable("client.note_body_required", "A note needs a body.");
        }
        if (tidy.length() > MAX_NOTE_LENGTH) {
            throw BusinessRuleViolation.unprocessable("client.note_too_long",
                    "A note has at most " + MAX_NOTE_LENGTH + " characters.");
        }
        return tidy;
    }

    /** Tags keep the spelling first given; "VIP" and " vip " are one tag. */
    static List<String> normalizeTags(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String tag : raw) {
            String tidy = Names.tidy(tag);
            if (tidy != null) {
                byKey.putIfAbsent(tidy.toLowerCase(Locale.ROOT), tidy);
            }
        }
        return List.copyOf(new ArrayList<>(byKey.values()));
    }

    private static ContactDetails tidy(ContactDetails contact) {
        return new ContactDetails(Names.tidy(contact.email()), Names.tidy(contact.phone()),
                Names.tidy(contact.website()), tidy(contact.address()));
    }

    private static PostalAddress tidy(PostalAddress address) {
        if (address == null) {
            return null;
        }
        PostalAddress tidy = new PostalAddress(Names.tidy(address.line1()), Names.tidy(address.line2()),
                Names.tidy(address.city()), Names.tidy(address.region()), Names.tidy(address.postalCode()),
                Names.tidy(address.country()));
        return tidy.equals(new PostalAddress(null, null, null, null, null, null)) ? null : tidy;
    }

    private static ContactDetails merge(ContactDetails current, ContactDetails change) {
        return new ContactDetails(
                change.email() == null ? current.email() : Names.tidy(change.email()),
                change.phone() == null ? current.phone() : Names.tidy(change.phone()),
                change.website() == null ? current.website() : Names.tidy(change.website()),
                change.address() == null ? current.address() : tidy(change.address()));
    }

    /** What the form leaves empty comes from the organization's billing defaults. */
    private static BillingSettings completeBilling(BillingSettings given, BillingDefaults defaults) {
        BillingSettings billing = given == null ? new BillingSettings(null, null, null, null, null, null, null) : given;
        return new BillingSettings(Names.tidy(billing.contactName()), Names.tidy(billing.email()),
                tidy(billing.address()),
                Objects.requireNonNullElse(billing.currency(), defaults.currency()),
                billing.paymentTermsDays() != null ? billing.paymentTermsDays() : defaults.paymentTermsDays(),
                billing.taxRate() != null ? billing.taxRate() : defaults.taxRate(),
                Names.tidy(billing.taxId()));
    }

    /** Currency, payment terms and tax rate cannot be emptied, only changed: an invoice always needs them. */
    private static BillingSettings merge(BillingSettings current, BillingSettings change) {
        return new BillingSettings(
                change.contactName() == null ? current.contactName() : Names.tidy(change.contactName()),
                change.email() == null ? current.email() : Names.tidy(change.email()),
                change.address() == null ? current.address() : tidy(change.address()),
                Objects.requireNonNullElse(change.currency(), current.currency()),
                change.paymentTermsDays() == null ? current.paymentTermsDays() : change.paymentTermsDays(),
                change.taxRate() == null ? current.taxRate() : sameScale(current.taxRate(), change.taxRate()),
                change.taxId() == null ? current.taxId() : Names.tidy(change.taxId()));
    }

    /** 19 and 19.00 are the same rate: no event for a change that changes nothing. */
    private static BigDecimal sameScale(BigDecimal current, BigDecimal change) {
        return current != null && current.compareTo(change) == 0 ? current : change;
    }

    @EventSourcingHandler
    void on(ClientCreated event) {
        clientId = event.clientId();
        orgId = event.orgId();
        name = event.name();
        contact = event.contact();
        tags = event.tags();
        billing = event.billing();
        active = true;
    }

    @EventSourcingHandler
    void on(ClientGeneralSettingsChanged event) {
        name = event.name();
        contact = event.contact();
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(ClientBillingChanged event) {
        billing = event.billing();
    }

    @EventSourcingHandler
    void on(ClientDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(ClientActivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(ClientNoteAdded event) {
        notes.put(event.noteId(), new Note(event.type(), event.body()));
    }

    @EventSourcingHandler
    void on(ClientNoteEdited event) {
        notes.put(event.noteId(), new Note(event.type(), event.body()));
    }

    @EventSourcingHandler
    void on(ClientNoteDeleted event) {
        notes.remove(event.noteId());
    }

    @EventSourcingHandler
    void on(ClientDeleted event) {
        markDeleted();
    }
}
