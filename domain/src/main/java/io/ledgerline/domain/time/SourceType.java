package io.ledgerline.domain.time;

/** How a time entry came about. */
public enum SourceType {
    /** Typed in by a person. */
    MANUAL,
    /** Logged by stopping a timer. */
    TIMER,
    /** Taken over from a calendar event; the event's id is kept. */
    CALENDAR,
    /** Proposed by the AI note assistant; the note's id is kept. */
    AI_NOTE
}
