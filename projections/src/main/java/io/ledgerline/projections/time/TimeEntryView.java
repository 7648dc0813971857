package io.ledgerline.projections.time;

import io.ledgerline.domain.time.EntrySource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A time entry as read, with the names of its member, project, task and client.
 *
 * @param locked            whether it cannot be changed as it stands: its week is submitted or approved, an invoice
 *                          bills it or its date is locked, and no admin has unlocked it for its next change
 * @param unlocked          an admin unlocked it for its next change or delete
 * @param invoiceId         the finalized invoice that bills it, if one does
 * @param hourlyRate        the rate that applies to it on its date (one entry read with {@code rates:view} only)
 * @param rateSource        where that rate comes from: member, task, project, client or organization
 * @param rateEffectiveFrom the date that rate applies from
 */
public record TimeEntryView(UUID id, UUID memberId, String memberName, UUID projectId, String projectName,
                            UUID taskId, String taskName, UUID clientId, String clientName, LocalDate date,
                            LocalDate weekStart, int minutes, LocalTime startTime, LocalTime endTime, boolean billable,
                            String description, String jiraIssueKey, EntrySource source, EntryStatus status,
                            boolean locked, boolean unlocked, UUID invoiceId, BigDecimal hourlyRate,
                            String rateSource, LocalDate rateEffectiveFrom, Instant createdAt, Instant updatedAt,
                            long version) {

    TimeEntryView withRate(BigDecimal rate, String rateSourceLevel, LocalDate rateFrom) {
        return new TimeEntryView(id, memberId, memberName, projectId, projectName, taskId, taskName, clientId,
                clientName, date, weekStart, minutes, startTime, endTime, billable, description, jiraIssueKey, source,
                status, locked, unlocked, invoiceId, rate, rateSourceLevel, rateFrom, createdAt, updatedAt, version);
    }
}
