package io.ledgerline.app.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the target aggregate from {@code @TargetAggregateIdentifier} and the expected version from the command's
 * metadata. Keeping the version out of the command records keeps them free of HTTP concerns; Axon then refuses a
 * command whose expected version is stale with a {@code ConflictingAggregateVersionException} (412 at the edge).
 */
public class ExpectedVersionTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
        Object expected = command.getMetaData().get(CommandMetadata.EXPECTED_VERSION);
        Long version = expected instanceof Number number ? number.longValue() : null;
        return new VersionedAggregateIdentifier(target.getIdentifierValue(), version);
    }
}
