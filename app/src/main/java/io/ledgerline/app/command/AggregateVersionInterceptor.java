package io.ledgerline.app.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * Wraps every command's result with the version its aggregate reached. The event store answers from the events
 * staged in this unit of work, so no extra query is made when the command applied events.
 */
public class AggregateVersionInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver targets;
    private final EventStore eventStore;

    public AggregateVersionInterceptor(CommandTargetResolver targets, EventStore eventStore) {
        this.targets = targets;
        this.eventStore = eventStore;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        String aggregateId = targets.resolveTarget(unitOfWork.getMessage()).getIdentifier();
        long version = eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
        return new CommandOutcome(aggregateId, version, result);
    }
}
