package io.ledgerline.domain.expense;

/**
 * Where an expense came from. An imported expense names its provider (for example {@code ramp}) and the
 * provider's own id for it, which is unique in the organization per provider so that an import never duplicates.
 *
 * @param provider   lower-case provider name; {@code null} for a manual expense
 * @param externalId the provider's id of the expense; {@code null} for a manual expense
 */
public record ExpenseSource(ExpenseSourceType type, String provider, String externalId) {

    public static final ExpenseSource MANUAL = new ExpenseSource(ExpenseSourceType.MANUAL, null, null);
}
