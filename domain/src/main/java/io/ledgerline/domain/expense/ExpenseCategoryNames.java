package io.ledgerline.domain.expense;

import java.util.UUID;

/** The organization's expense category names, kept on the command side so that two categories never share one. */
public interface ExpenseCategoryNames {

    /** Whether another category of the organization (active or not) has this name, compared normalized. */
    boolean nameTaken(UUID orgId, String name, UUID exceptCategoryId);
}
