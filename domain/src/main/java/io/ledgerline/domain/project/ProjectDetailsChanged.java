package io.ledgerline.domain.project;

import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The project's details as they are now.
 *
 * @param rateEffectiveFrom the date {@code hourlyRate} applies from ({@code null}: since always, as in events
 *                          recorded before rates were effective-dated); work before that date keeps its earlier rate
 */
public record ProjectDetailsChanged(UUID orgId, UUID projectId, UUID clientId, String name, String code,
                                    BillingMethod billingMethod, BigDecimal hourlyRate, Budget budget,
                                    LocalDate startDate, LocalDate endDate, LocalDate rateEffectiveFrom)
        implements OrgScoped {
}
