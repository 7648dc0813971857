package io.ledgerline.app.processing;

import io.ledgerline.app.web.ApiProblem;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The event processors of this instance: their status, and rebuilding a read model by replaying the event store
 * into it. Replay blocks (shutting a processor down waits for its current batch) and must run off Netty threads.
 */
@Component
public class EventProcessors {

    private static final Logger log = LoggerFactory.getLogger(EventProcessors.class);

    private final EventProcessingConfiguration processing;
    /** Two concurrent replays of one processor would interleave shut-down and start; one at a time per name. */
    private final Map<String, Object> replayLocks = new ConcurrentHashMap<>();

    public EventProcessors(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public List<String> names() {
        return processing.eventProcessors().keySet().stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** @throws ApiProblem 404 {@code projections.not_found} when there is no such processor */
    public ProcessorStatus status(String name, Long headPosition) {
        EventProcessor processor = processing.eventProcessor(name)
                .orElseThrow(() -> ApiProblem.notFound("projections.not_found", "No event processor '" + name + "'."));
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(name, "subscribing", false, processor.isRunning(), processor.isError(), false,
                    processor.isRunning(), headPosition, List.of());
        }
        List<ProcessorStatus.SegmentStatus> segments = streaming.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(EventProcessors::segment)
                .toList();
        boolean replaying = segments.stream().anyMatch(ProcessorStatus.SegmentStatus::replaying);
        boolean caughtUp = streaming.isRunning() && !replaying && !segments.isEmpty()
                && segments.stream().allMatch(ProcessorStatus.SegmentStatus::caughtUp);
        boolean error = streaming.isError() || segments.stream().anyMatch(segment -> segment.error() != null);
        return new ProcessorStatus(name, "streaming", streaming.supportsReset(), streaming.isRunning(), error,
                replaying, caughtUp, headPosition, segments);
    }

    /**
     * Resets the processor's tokens to the start of the event store: its {@code @ResetHandler} wipes the read model,
     * and the processor rebuilds it from every event. Returns at once; the replay runs in the background.
     *
     * @throws ApiProblem 404 for an unknown processor, 409 {@code projections.not_replayable} for one without a
     *                    position (subscribing), 409 {@code projections.replay_refused} when Axon refuses the reset
     */
    public void replay(String name) {
        EventProcessor processor = processing.eventProcessor(name)
                .orElseThrow(() -> ApiProblem.notFound("projections.not_found", "No event processor '" + name + "'."));
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw ApiProblem.conflict("projections.not_replayable", "The processor '" + name
                    + "' updates its tables inside each command's transaction and has no position to replay from.");
        }
        synchronized (replayLocks.computeIfAbsent(name, key -> new Object())) {
            log.info("Replaying event processor {} from the start of the event store", name);
            streaming.shutDown();
            try {
                streaming.resetTokens();
            } catch (RuntimeException refused) {
                // Typically another instance still holds a segment: the read model is left as it was.
                log.warn("Event processor {} refused the reset", name, refused);
                throw ApiProblem.conflict("projections.replay_refused", "The processor '" + name
                        + "' could not be reset (another instance may still hold its segments). Try again shortly.");
            } finally {
                streaming.start();
            }
        }
    }

    /*
     * Axon keeps a segment's replay token until it handles an event *beyond* the reset position, so with no new
     * events it would report "replaying" forever. The read model is rebuilt once the segment has reached the reset
     * position: that is what is reported.
     */
    private static ProcessorStatus.SegmentStatus segment(EventTrackerStatus status) {
        Long current = boxed(status.getCurrentPosition());
        Long reset = boxed(status.getResetPosition());
        boolean replaying = status.isReplaying() && (current == null || reset == null || current < reset);
        return new ProcessorStatus.SegmentStatus(status.getSegment().getSegmentId(), current, reset,
                status.isCaughtUp(), replaying,
                status.isErrorState() && status.getError() != null ? describe(status.getError()) : null);
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
