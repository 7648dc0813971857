package io.ledgerline.app.web.qbo;

import io.ledgerline.app.integration.qbo.QboChangeHandler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change handler for QuickBooks vendors, which Ledgerline itself does not sync: it lets the webhook tests watch
 * what the worker hands to handlers, without standing in for (or disturbing) the real customer, invoice and payment
 * handlers. Found by the application's component scan on the test class path.
 */
@Component
class VendorChangesSeen implements QboChangeHandler {

    private final Map<UUID, List<ObjectNode>> seen = new ConcurrentHashMap<>();

    @Override
    public Set<String> entities() {
        return Set.of("Vendor");
    }

    @Override
    public void apply(UUID orgId, String realmId, String entity, ObjectNode record) {
        seen.computeIfAbsent(orgId, id -> new CopyOnWriteArrayList<>()).add(record);
    }

    List<ObjectNode> of(UUID orgId) {
        return List.copyOf(seen.getOrDefault(orgId, List.of()));
    }
}
