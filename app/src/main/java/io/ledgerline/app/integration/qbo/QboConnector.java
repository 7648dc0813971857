package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.QboLinks;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The calls to Intuit around a connect and a disconnect, and the tokens they store or delete. Blocking: run it off
 * the event loop. The connection's events are recorded by the caller once this has succeeded.
 */
@Component
public class QboConnector {

    private static final Logger log = LoggerFactory.getLogger(QboConnector.class);

    private final QboApi api;
    private final QboTokenStore tokens;
    private final QboLinks links;

    QboConnector(QboApi api, QboTokenStore tokens, QboLinks links) {
        this.api = api;
        this.tokens = tokens;
        this.links = links;
    }

    /** Intuit's consent page for a connect with this state. */
    public URI authorizationUrl(String state) {
        return api.authorizationUrl(state);
    }

    /** The company the organization authorized, and its name when QuickBooks told it. */
    public record Authorized(String realmId, String companyName) {
    }

    /**
     * Exchanges the code and keeps the tokens. A company other than the one the organization's records are linked
     * to is refused before anything is stored, so the previous tokens, links and connection stay as they were; the
     * new authorization is revoked so that it does not linger at Intuit.
     */
    public Authorized authorize(UUID orgId, String code, String realmId) {
        QboTokens issued = api.exchangeCode(code);
        if (links.anyLinkedOutside(orgId, realmId)) {
            if (!api.revoke(issued.refreshToken())) {
                log.warn("Could not revoke the refused QuickBooks authorization of organization {} (company {})",
                        orgId, realmId);
            }
            throw BusinessRuleViolation.conflict("qbo.realm_mismatch",
                    "Records of this organization are linked to another QuickBooks company. Reconnect to that "
                            + "company, or unlink them first.");
        }
        tokens.store(orgId, realmId, issued);
        return new Authorized(realmId, companyName(orgId, realmId));
    }

    /** The name only decorates the card: a connect does not fail for want of it. */
    private String companyName(UUID orgId, String realmId) {
        try {
            return api.companyName(orgId);
        } catch (QboException e) {
            log.warn("Could not read the name of QuickBooks company {} for organization {}: {}", realmId, orgId,
                    e.getMessage());
            return null;
        }
    }

    /**
     * Revokes the refresh token at Intuit (best effort) and deletes the tokens whatever Intuit answered.
     *
     * @return whether Intuit confirmed the revocation
     */
    public boolean disconnect(UUID orgId) {
        boolean revoked = tokens.refreshTokenOf(orgId).map(api::revoke).orElse(false);
        tokens.delete(orgId);
        return revoked;
    }
}
