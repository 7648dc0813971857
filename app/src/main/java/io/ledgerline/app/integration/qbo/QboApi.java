package io.ledgerline.app.integration.qbo;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * QuickBooks Online's accounting API and Intuit's OAuth endpoints, as Ledgerline uses them. Every call blocks:
 * call it from a command handler or a worker thread, never from a Netty thread.
 * <p>
 * Calls for an organization use its stored connection: the access token is refreshed when stale (single-flight per
 * connection, the rotated refresh token stored before the next call), a 401 is answered by one refresh and one
 * replay with the same requestid, and the per-company rate limits are kept. Every failure is a
 * {@link QboException} whose {@link QboException.Kind kind} says what to do about it.
 */
public interface QboApi {

    /** Intuit's consent page for the accounting scope, carrying {@code state}. */
    URI authorizationUrl(String state);

    /** Exchanges the code from the OAuth callback for tokens; stores nothing. */
    QboTokens exchangeCode(String code);

    /** Revokes a refresh token at Intuit; best effort: false when Intuit refused or could not be reached. */
    boolean revoke(String refreshToken);

    /** One record by its Id, for example {@code read(org, "Invoice", "130")}. */
    QboReply read(UUID orgId, String entity, String id);

    /**
     * Every record of {@code entity} matching {@code where} (may be {@code null}), paged through with
     * STARTPOSITION/MAXRESULTS until a short page. Values in {@code where} must be quoted with {@link #quote}.
     */
    List<ObjectNode> query(UUID orgId, String entity, String where);

    /** Creates a record; {@code requestId} (at most 50 characters) is sent as {@code ?requestid=}. */
    QboReply create(UUID orgId, String entity, ObjectNode body, String requestId);

    /** A sparse update: {@code body} carries {@code Id}, the current {@code SyncToken} and the changed fields. */
    QboReply update(UUID orgId, String entity, ObjectNode body, String requestId);

    /** Voids an invoice ({@code ?operation=void}). */
    QboReply voidInvoice(UUID orgId, String id, String syncToken, String requestId);

    /** Change data capture for {@code entities} since {@code since} (at most 30 days ago). */
    QboChanges changes(UUID orgId, Set<String> entities, Instant since);

    /** Runs the items in batches of at most 30; a failed item is a result with a fault, not an exception. */
    List<QboBatchResult> batch(UUID orgId, List<QboBatchItem> items);

    /** The company's name, from CompanyInfo, for the integration card. */
    String companyName(UUID orgId);

    /** A string literal for a query: quoted, with {@code '} and {@code \} escaped as the query language wants. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
