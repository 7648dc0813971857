package io.ledgerline.domain.expense;

import java.util.UUID;

/**
 * Which fields of a new expense its merchant's mapping filled because the expense left them out.
 *
 * @param merchantMappingId the mapping that supplied them
 * @param project           whether the project came from the mapping
 * @param category          whether the category came from the mapping
 */
public record AppliedDefaults(UUID merchantMappingId, boolean project, boolean category) {
}
