package io.ledgerline.domain.member;

import java.util.UUID;

/**
 * Knows how many active owners an organization has, so that the last one can neither be demoted nor
 * deactivated (an organization without an owner could never be administered again).
 */
public interface OwnerPolicy {

    long activeOwners(UUID orgId);
}
