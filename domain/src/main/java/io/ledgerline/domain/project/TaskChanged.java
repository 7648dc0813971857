package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The task as it is now.
 *
 * @param rateEffectiveFrom the date {@code rateOverride} applies from ({@code null}: since always, as in events
 *                          recorded before rates were effective-dated); work before that date keeps its earlier rate
 */
public record TaskChanged(UUID orgId, UUID projectId, UUID taskId, String name, boolean billable,
                          BigDecimal rateOverride, LocalDate rateEffectiveFrom) implements OrgScoped {
}
