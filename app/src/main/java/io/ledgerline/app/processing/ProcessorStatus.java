package io.ledgerline.app.processing;

import java.util.List;

/**
 * How far an event processor is.
 *
 * @param name         the processor, which is also the processing group (one per read model)
 * @param mode         {@code streaming} (own position in the event store, replayable) or {@code subscribing}
 *                     (runs inside the command's transaction, has no position)
 * @param replayable   whether {@code POST .../replay} may rebuild it
 * @param caughtUp     every claimed segment has reached the head of the event store and none is replaying
 * @param headPosition the global index of the newest stored event ({@code null} for an empty store)
 * @param segments     the segments this instance processes; empty for a subscribing processor
 */
public record ProcessorStatus(String name, String mode, boolean replayable, boolean running, boolean error,
                              boolean replaying, boolean caughtUp, Long headPosition, List<SegmentStatus> segments) {

    /**
     * @param currentPosition the global index of the last event this segment handled
     * @param resetPosition   during a replay: where the processor stood when it was reset; the replay ends there
     */
    public record SegmentStatus(int segment, Long currentPosition, Long resetPosition, boolean caughtUp,
                                boolean replaying, String error) {
    }
}
