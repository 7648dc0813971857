package io.ledgerline.domain.shared;

import java.util.UUID;

/**
 * Every command and event names the organization it belongs to. Aggregates use it to refuse a command
 * addressed to a record of another organization as if the record did not exist.
 */
public interface OrgScoped {

    UUID orgId();
}
