package io.ledgerline.domain.rate;

import java.util.UUID;

/**
 * The command side's knowledge of what a rate can be set on: the organization's clients, projects, tasks and
 * members. Kept in the same transaction as their events, never behind.
 */
public interface RateTargets {

    /** Whether the organization has this (undeleted) client, project, task or member. */
    boolean exists(UUID orgId, RateLevel level, UUID targetId);
}
