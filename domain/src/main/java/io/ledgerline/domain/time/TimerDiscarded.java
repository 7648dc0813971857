package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.OrgScoped;
import java.time.Instant;
import java.util.UUID;

public record TimerDiscarded(UUID orgId, UUID timerId, UUID memberId, Instant startedAt) implements OrgScoped {
}
