package io.ledgerline.app.integration.qbo;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Intuit app Ledgerline signs in as, and where Intuit is. Bound from {@code ledgerline.qbo.*}; each setting is
 * an environment variable {@code LEDGERLINE_QBO_*} (see application.yml and docs/integrations/quickbooks.md).
 *
 * @param environment          {@code production} or {@code sandbox}: chooses Intuit's API and web-app URLs
 * @param authorizeUrl         overrides Intuit's consent page (a local fake or a proxy)
 * @param tokenUrl             overrides Intuit's OAuth token endpoint
 * @param revokeUrl            overrides Intuit's revocation endpoint
 * @param apiBaseUrl           overrides the part before {@code /v3/company/…}
 * @param requestsPerMinute    per QuickBooks company; Intuit allows 500
 * @param requestsPerSecond    per QuickBooks company; Intuit allows 10
 * @param throttleBackoff      how long a company is left alone after Intuit answered 429; Intuit asks for 60 s
 * @param stateTtl             how long a connect link stays valid
 * @param changesInterval      how often changes are pulled from QuickBooks (change data capture)
 * @param cronToken            the token {@code POST /api/v1/cron/qbo-sync-all} must carry; empty: the endpoint is off
 */
@ConfigurationProperties("ledgerline.qbo")
public record QboProperties(String clientId, String clientSecret, String redirectUri, String webhookVerifierToken,
                            String environment, String authorizeUrl, String tokenUrl, String revokeUrl,
                            String apiBaseUrl, int requestsPerMinute, int requestsPerSecond,
                            Duration throttleBackoff, Duration stateTtl, Duration changesInterval, Duration timeout,
                            String cronToken) {

    public static final String SCOPE = "com.intuit.quickbooks.accounting";

    /** Connecting needs the Intuit app's credentials and the redirect URI registered with it. */
    public boolean configured() {
        return present(clientId) && present(clientSecret) && present(redirectUri);
    }

    public boolean sandbox() {
        return "sandbox".equalsIgnoreCase(environment);
    }

    public URI authorizeEndpoint() {
        return URI.create(present(authorizeUrl) ? authorizeUrl : "https://appcenter.intuit.com/connect/oauth2");
    }

    public URI tokenEndpoint() {
        return URI.create(present(tokenUrl) ? tokenUrl : "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer");
    }

    public URI revokeEndpoint() {
        return URI.create(present(revokeUrl) ? revokeUrl : "https://developer.api.intuit.com/v2/oauth2/tokens/revoke");
    }

    /** Without a trailing slash; {@code /v3/company/{realmId}/…} follows. */
    public String apiBase() {
        String base = present(apiBaseUrl) ? apiBaseUrl
                : sandbox() ? "https://sandbox-quickbooks.api.intuit.com" : "https://quickbooks.api.intuit.com";
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Where a person opens a record in QuickBooks' web app, for "view in QuickBooks" links. */
    public String webAppBase() {
        return sandbox() ? "https://app.sandbox.qbo.intuit.com/app" : "https://app.qbo.intuit.com/app";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
