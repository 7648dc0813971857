package io.ledgerline.app.web;

import io.ledgerline.app.command.CommandOutcome;
import java.net.URI;
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
}
