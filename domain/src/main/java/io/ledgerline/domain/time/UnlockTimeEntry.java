package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lets a submitted, approved, locked or invoiced entry be changed or deleted once; the reason stays in its history. */
public record UnlockTimeEntry(UUID orgId, @TargetAggregateIdentifier UUID entryId, String reason)
        implements OrgScoped {
}
