package io.ledgerline.app.registry;

/**
 * The subscribing processing group of the command-side registries: its handlers run in the transaction that
 * appends the events, so a rule checked against a registry always sees every committed command.
 */
public final class RegistryGroup {

    public static final String NAME = "command-side-registry";

    private RegistryGroup() {
    }
}
