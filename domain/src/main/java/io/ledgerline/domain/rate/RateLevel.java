package io.ledgerline.domain.rate;

import java.util.Locale;

/**
 * Where an hourly rate is set. Resolution walks from the most specific level to the least: a member's own rate,
 * then the task's, the project's, the client's, and the organization's default.
 */
public enum RateLevel {
    MEMBER,
    TASK,
    PROJECT,
    CLIENT,
    ORGANIZATION;

    /** The level's name as the read model and the API's {@code source} spell it. */
    public String source() {
        return name().toLowerCase(Locale.ROOT);
    }
}
