package io.ledgerline.domain.time;

/**
 * Where a time entry came from, kept for good as its provenance.
 *
 * @param externalId the calendar event's or the AI note's id; {@code null} for manual and timer entries
 */
public record EntrySource(SourceType type, String externalId) {

    public static final EntrySource MANUAL = new EntrySource(SourceType.MANUAL, null);
    public static final EntrySource TIMER = new EntrySource(SourceType.TIMER, null);
}
