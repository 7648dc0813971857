package io.ledgerline.domain.project;

import java.math.BigDecimal;

/** A project's budget in hours, in money (in the client's currency), or both; either may be absent. */
public record Budget(BigDecimal hours, BigDecimal amount) {

    public static final Budget NONE = new Budget(null, null);
}
