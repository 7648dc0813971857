package io.ledgerline.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ledgerline.app.command.AggregateVersionInterceptor;
import io.ledgerline.app.command.CommandMetadata;
import io.ledgerline.app.command.ExpectedVersionTargetResolver;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon on the JDBC event store. The event format is pinned here, from the first event on: Jackson 2 (Axon's own
 * serializer) with ISO-8601 dates and plain decimals, independent of the web layer's Jackson 3 settings.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Picked up by name by Axon's Jackson serializer for events, messages and everything else it stores. */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Old events stay readable when a later revision drops a field.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new ExpectedVersionTargetResolver();
    }

    /** Who, which request and which idempotency key travel from each command into its events' metadata. */
    @Bean
    CorrelationDataProvider auditTrailCorrelation() {
        return new SimpleCorrelationDataProvider(
                CommandMetadata.ACTOR, CommandMetadata.REQUEST_ID, CommandMetadata.IDEMPOTENCY_KEY);
    }

    /**
     * A failing projection handler must not be skipped silently (Axon's default logs and moves on): the error
     * propagates, so the processor retries, or the event goes to the group's dead-letter queue.
     */
    @Bean
    ConfigurerModule propagateProjectionErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /** Registered once every singleton exists: asking for the command bus earlier would be circular. */
    @Bean
    SmartInitializingSingleton reportAggregateVersions(ObjectProvider<CommandBus> commandBus,
                                                       ObjectProvider<CommandTargetResolver> targets,
                                                       ObjectProvider<EventStore> eventStore) {
        return () -> commandBus.getObject().registerHandlerInterceptor(
                new AggregateVersionInterceptor(targets.getObject(), eventStore.getObject()));
    }
}
