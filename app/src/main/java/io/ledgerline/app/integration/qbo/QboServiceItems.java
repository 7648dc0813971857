package io.ledgerline.app.integration.qbo;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The item every pushed invoice line is sold as: the company's Service item named "Services", else its first active
 * Service item. Remembered per QuickBooks company, as a company's items rarely change and every push needs one.
 */
@Component
class QboServiceItems {

    private final QboApi api;
    private final Map<String, String> byRealm = new ConcurrentHashMap<>();

    QboServiceItems(QboApi api) {
        this.api = api;
    }

    Optional<String> serviceItem(UUID orgId, String realmId) {
        String known = byRealm.get(realmId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = api.query(orgId, "Item", "Name = " + QboApi.quote("Services")).stream()
                .filter(item -> item.path("Active").asBoolean(true))
                .findFirst()
                .or(() -> api.query(orgId, "Item", "Type = " + QboApi.quote("Service") + " AND Active = true").stream()
                        .findFirst())
                .map(item -> item.path("Id").asString());
        found.ifPresent(id -> byRealm.put(realmId, id));
        return found;
    }

    /** A QuickBooks answer naming the item as inactive or deleted: the next push looks for one again. */
    void forget(String realmId) {
        byRealm.remove(realmId);
    }
}
