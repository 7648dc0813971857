package io.ledgerline.app.web.qbo;

import io.ledgerline.domain.qbo.QboConnectionStatus;
import io.ledgerline.projections.qbo.QboConnectionView;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One integration as the integrations page shows it. A list of these, so that calendars, Jira and the others are
 * added as cards beside QuickBooks.
 *
 * @param status                    {@code connected}, {@code disconnected}, {@code error} or {@code expired}
 * @param refreshTokenHardExpiresAt Intuit's 5-year cap on the authorization, when Intuit announced it
 * @param reconnectRequired         syncs wait until an admin connects again
 */
record IntegrationCard(String key, String name, String status, Account account, Instant connectedAt,
                       UUID connectedBy, Instant lastSyncAt, Instant refreshTokenHardExpiresAt,
                       boolean reconnectRequired, Error error) {

    static final String QBO_KEY = "qbo";
    static final String QBO_NAME = "QuickBooks Online";

    /** The QuickBooks company: {@code realmId} is Intuit's company id. */
    record Account(String realmId, String companyName) {
    }

    record Error(String code, String message) {
    }

    static IntegrationCard neverConnected() {
        return new IntegrationCard(QBO_KEY, QBO_NAME, status(QboConnectionStatus.DISCONNECTED), null, null, null, null,
                null, false, null);
    }

    static IntegrationCard of(QboConnectionView view, Instant refreshTokenHardExpiresAt) {
        Error error = switch (view.status()) {
            case ERROR -> new Error(view.errorCode(), view.errorMessage());
            case EXPIRED -> new Error("qbo.authorization_expired", "QuickBooks no longer accepts Ledgerline's "
                    + "authorization (" + view.expiredReason() + "). An admin must reconnect; links and settings stay.");
            case CONNECTED, DISCONNECTED -> null;
        };
        boolean connected = view.status() != QboConnectionStatus.DISCONNECTED;
        return new IntegrationCard(QBO_KEY, QBO_NAME, status(view.status()),
                new Account(view.realmId(), view.companyName()), view.connectedAt(), view.connectedBy(),
                view.lastSyncAt(), connected ? refreshTokenHardExpiresAt : null,
                view.status() == QboConnectionStatus.EXPIRED, error);
    }

    private static String status(QboConnectionStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
