package io.ledgerline.app.web;

import io.ledgerline.app.command.CommandOutcome;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;

/** The answer to a write: which record, at which version (also sent as the ETag). */
public record Written(String id, long version) {

    public static ResponseEntity<Written> ok(CommandOutcome outcome) {
        return ResponseEntity.ok().eTag(Versions.etag(outcome.version()))
                .body(new Written(outcome.aggregateId(), outcome.version()));
    }

    public static ResponseEntity<Written> created(CommandOutcome outcome, String location) {
        return ResponseEntity.created(URI.create(location)).eTag(Versions.etag(outcome.version()))
                .body(new Written(outcome.aggregateId(), outcome.version()));
    }

    /** A part of a record was added (a task, a client note, an invoice line, a payment): named by its own id, at its record's version. */
    public static ResponseEntity<Written> createdPart(CommandOutcome outcome, UUID partId, String location) {
        return ResponseEntity.created(URI.create(location)).eTag(Versions.etag(outcome.version()))
                .body(new Written(partId.toString(), outcome.version()));
    }

    /** A part of a record was changed or removed: named by its own id, at its record's version. */
    public static ResponseEntity<Written> okPart(CommandOutcome outcome, UUID partId) {
        return ResponseEntity.ok().eTag(Versions.etag(outcome.version()))
                .body(new Written(partId.toString(), outcome.version()));
    }
}
