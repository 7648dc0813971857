package io.ledgerline.app.integration.qbo;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** Every {@link QboChangeHandler}, chosen by the entity a changed record is. */
@Component
public class QboChangeHandlers {

    private final List<QboChangeHandler> handlers;

    QboChangeHandlers(List<QboChangeHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    /** Whether anything in Ledgerline cares about changes to this entity; when not, nothing needs reading. */
    public boolean handles(String entity) {
        return handlers.stream().anyMatch(handler -> handler.entities().contains(entity));
    }

    public void apply(UUID orgId, String realmId, String entity, ObjectNode record) {
        for (QboChangeHandler handler : handlers) {
            if (handler.entities().contains(entity)) {
                handler.apply(orgId, realmId, entity, record);
            }
        }
    }
}
