package io.ledgerline.domain.client;

import java.util.Optional;
import java.util.UUID;

/**
 * The command side's view of an organization's clients, for the rules no single aggregate can check: unique
 * names and codes, and whether a client exists and is active when a project is opened for it. Kept in the same
 * transaction as the client events, never behind.
 */
public interface ClientDirectory {

    /** Whether another client of the organization has this name (compared trimmed and case-insensitively). */
    boolean nameTaken(UUID orgId, String name, UUID exceptClientId);

    /** Whether a client of the organization already has this code (case-insensitively). */
    boolean codeTaken(UUID orgId, String code);

    /** The client's standing, or empty when the organization has no such (undeleted) client. */
    Optional<ClientStanding> standing(UUID orgId, UUID clientId);
}
